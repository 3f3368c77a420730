//! The business side of the role, as pure rules over plain inputs: consumption-plan coverage,
//! the quarter scorecard (targets against actuals, and the operational standards computed from
//! the records), the pipeline by MCEM stage, what needs attention, and expected against actual
//! ACR. No SQL here: `store` fills the inputs, and the quarterly review calls the same
//! functions.

pub mod initiative;
pub mod money;
pub mod network;
pub mod records;
pub mod scorecard;

use chrono::{Days, Month, NaiveDate};

pub use initiative::{
    EventFields, EventKind, Initiative, InitiativeEvent, InitiativeFields, InitiativeStatus,
};
pub use money::{dollars_text, parse_dollars, short_dollars};
pub use network::{Contact, ContactFields, ContactKind, Interaction, InteractionSource, Touch, TouchStatus};
pub use records::{
    Account, AccountFields, Consumption, McemStage, Milestone, MilestoneFields, MilestoneState, Opportunity,
    OpportunityFields, OpportunityStatus, Owner, Plan,
};
pub use scorecard::{Metric, MetricFields, MetricKind};

use super::architect::Cadence;
use super::fiscal::{FiscalQuarter, IsoWeek};
use super::ids::{ContactId, MetricId, MilestoneId, OpportunityId};

/// A committed milestone due within this many days needs fresh evidence…
pub const DUE_SOON_DAYS: u64 = 30;
/// …from within this many days.
pub const STALE_EVIDENCE_DAYS: u64 = 14;

/// An opportunity as the business rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpportunityFacts {
    pub id: OpportunityId,
    pub stage: McemStage,
    pub status: OpportunityStatus,
    pub monthly_acr: i64,
    pub created_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub plan_agreed_on: Option<NaiveDate>,
}

impl OpportunityFacts {
    pub fn of(opportunity: &Opportunity) -> Self {
        let f = &opportunity.fields;
        Self {
            id: opportunity.id,
            stage: f.stage,
            status: f.status,
            monthly_acr: f.monthly_acr,
            created_on: opportunity.created_on,
            closed_on: f.closed_on,
            plan_agreed_on: opportunity.plan.agreed_on,
        }
    }

    /// Won on a day from `first` to `last` inclusive (a win later marked lost is no win).
    pub fn won_between(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.status == OpportunityStatus::Won && self.closed_on.is_some_and(|d| first <= d && d <= last)
    }

    /// In the pipeline on `day`: recorded by then and not yet closed.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.created_on <= day
            && match self.status {
                OpportunityStatus::Open => true,
                OpportunityStatus::Won | OpportunityStatus::Lost => self.closed_on.is_some_and(|d| d > day),
            }
    }
}

/// A milestone as the business rules need it, with the status of its win.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MilestoneFacts {
    pub id: MilestoneId,
    pub opportunity: OpportunityId,
    pub win_status: OpportunityStatus,
    pub committed: bool,
    pub state: MilestoneState,
    pub due_on: Option<NaiveDate>,
    pub expected_acr: Option<i64>,
    pub evidence_on: Option<NaiveDate>,
}

impl MilestoneFacts {
    pub fn of(milestone: &Milestone, win_status: OpportunityStatus) -> Self {
        let f = &milestone.fields;
        Self {
            id: milestone.id,
            opportunity: milestone.opportunity,
            win_status,
            committed: f.committed,
            state: f.state,
            due_on: f.due_on,
            expected_acr: f.expected_acr,
            evidence_on: f.evidence_on,
        }
    }

    /// Still part of a plan that counts: not cancelled, and its win not lost.
    pub fn counts(&self) -> bool {
        self.state != MilestoneState::Cancelled && self.win_status != OpportunityStatus::Lost
    }

    /// Committed, still to deliver, due within [`DUE_SOON_DAYS`] of `as_of` (or overdue), and
    /// no evidence within [`STALE_EVIDENCE_DAYS`].
    pub fn is_stale_commitment(&self, as_of: NaiveDate) -> bool {
        let soon = as_of.checked_add_days(Days::new(DUE_SOON_DAYS)).unwrap_or(as_of);
        let fresh_since = as_of.checked_sub_days(Days::new(STALE_EVIDENCE_DAYS)).unwrap_or(as_of);
        self.counts()
            && self.committed
            && self.state.is_open()
            && self.due_on.is_some_and(|due| due <= soon)
            && self.evidence_on.is_none_or(|evidence| evidence < fresh_since)
    }
}

/// A contact as the business rules need it: every interaction day, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFacts {
    pub id: ContactId,
    pub created_on: NaiveDate,
    pub ideal_days: u32,
    pub max_days: u32,
    pub interactions: Vec<NaiveDate>,
}

impl ContactFacts {
    /// The last interaction on or before `as_of`.
    pub fn last_by(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        self.interactions.iter().rev().find(|d| **d <= as_of).copied()
    }

    pub fn status_on(&self, as_of: NaiveDate) -> TouchStatus {
        network::touch_status(self.created_on, self.last_by(as_of), self.ideal_days, self.max_days, as_of)
    }
}

/// An architect's one-on-ones as the cadence standard needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadenceFacts {
    pub cadence: Cadence,
    /// The day they joined the team (one-on-ones are due from then).
    pub started_on: Option<NaiveDate>,
    /// Days one-on-ones were held, oldest first.
    pub meetings: Vec<NaiveDate>,
}

/// Wins of a period and how many have an agreed consumption plan (the role says all should).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub wins: usize,
    pub with_plan: usize,
    /// The wins without an agreed plan, by id.
    pub without_plan: Vec<OpportunityId>,
}

impl Coverage {
    /// With no wins there is nothing to cover: `None`, not 0 % or 100 %.
    pub fn pct(&self) -> Option<f64> {
        (self.wins > 0).then(|| self.with_plan as f64 * 100.0 / self.wins as f64)
    }
}

/// Consumption-plan coverage: the wins from `first` to `as_of` (a fiscal year to date), and
/// those whose plan was agreed by `as_of`. A win later marked lost is no longer a win; a plan
/// agreed after `as_of` did not exist yet.
pub fn coverage(opportunities: &[OpportunityFacts], first: NaiveDate, as_of: NaiveDate) -> Coverage {
    let mut result = Coverage::default();
    for o in opportunities.iter().filter(|o| o.won_between(first, as_of)) {
        result.wins += 1;
        if o.plan_agreed_on.is_some_and(|agreed| agreed <= as_of) {
            result.with_plan += 1;
        } else {
            result.without_plan.push(o.id);
        }
    }
    result
}

/// One MCEM stage of the pipeline: how many open opportunities and their monthly ACR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageTotal {
    pub stage: McemStage,
    pub count: usize,
    pub monthly_acr: i64,
}

/// The open pipeline on `as_of` by MCEM stage, every stage listed (stage 1 first).
pub fn pipeline_by_stage(opportunities: &[OpportunityFacts], as_of: NaiveDate) -> Vec<StageTotal> {
    use super::architect::Choice as _;
    McemStage::ALL
        .iter()
        .map(|&stage| {
            let open = opportunities.iter().filter(|o| o.stage == stage && o.open_on(as_of));
            let (count, monthly_acr) =
                open.fold((0, 0_i64), |(n, acr), o| (n + 1, acr.saturating_add(o.monthly_acr)));
            StageTotal { stage, count, monthly_acr }
        })
        .collect()
}

/// How well one-on-ones kept to each architect's cadence: every period (a week, or two weeks
/// for a biweekly cadence, counted in ISO weeks from the start) that has ended by `as_of`, or
/// that already had its meeting, is due; it is kept when a one-on-one was held in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CadenceKept {
    pub due: usize,
    pub kept: usize,
}

impl CadenceKept {
    pub fn pct(&self) -> Option<f64> {
        (self.due > 0).then(|| self.kept as f64 * 100.0 / self.due as f64)
    }
}

pub fn cadence_kept(people: &[CadenceFacts], first: NaiveDate, as_of: NaiveDate) -> CadenceKept {
    let mut result = CadenceKept::default();
    for person in people {
        let from = person.started_on.map_or(first, |started| started.max(first));
        if from > as_of {
            continue;
        }
        let weeks_per_period: u64 = match person.cadence {
            Cadence::Weekly => 1,
            Cadence::Biweekly => 2,
        };
        let mut start = IsoWeek::of(from).monday();
        while start <= as_of {
            let after = start.checked_add_days(Days::new(7 * weeks_per_period)).unwrap_or(as_of);
            let end = after.pred_opt().unwrap_or(after);
            let held = person.meetings.iter().any(|d| start <= *d && *d <= end.min(as_of) && *d >= from);
            if end <= as_of || held {
                result.due += 1;
                result.kept += usize::from(held);
            }
            if after <= start {
                break;
            }
            start = after;
        }
    }
    result
}

/// Contacts past their maximum interval on `as_of`.
pub fn contacts_past_max(contacts: &[ContactFacts], as_of: NaiveDate) -> Vec<ContactId> {
    contacts
        .iter()
        .filter(|c| c.created_on <= as_of && c.status_on(as_of).touch == Touch::PastMax)
        .map(|c| c.id)
        .collect()
}

/// Committed milestones due within 30 days of `as_of` (or overdue) without evidence in the
/// last 14 days.
pub fn stale_commitments(milestones: &[MilestoneFacts], as_of: NaiveDate) -> Vec<MilestoneId> {
    milestones.iter().filter(|m| m.is_stale_commitment(as_of)).map(|m| m.id).collect()
}

/// The operational standards of a period, computed from the records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standards {
    /// Wins of the fiscal year to date with an agreed plan; target 100 %.
    pub coverage: Coverage,
    /// Committed milestones due soon without fresh evidence; target none.
    pub stale_commitments: Vec<MilestoneId>,
    /// One-on-ones held to cadence; target 100 %.
    pub cadence: CadenceKept,
    /// Contacts past their maximum interval; target none.
    pub contacts_past_max: Vec<ContactId>,
}

/// One target of the scorecard with its actual: derived from the records where they hold it,
/// typed otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricLine {
    pub id: MetricId,
    pub kind: MetricKind,
    pub name: String,
    pub unit: String,
    /// In hundredths.
    pub target: i64,
    pub typed: Option<i64>,
    pub derived: Option<i64>,
}

impl MetricLine {
    /// The actual shown: what the records say, else what was typed.
    pub fn actual(&self) -> Option<i64> {
        self.derived.or(self.typed)
    }

    /// The actual as a share of the target (`None` without an actual or with a zero target).
    pub fn pct_of_target(&self) -> Option<f64> {
        let actual = self.actual()?;
        (self.target != 0).then(|| actual as f64 * 100.0 / self.target as f64)
    }
}

/// A fiscal quarter's scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub quarter: FiscalQuarter,
    /// The day it is computed for: the quarter's last day, or today while it runs.
    pub as_of: NaiveDate,
    pub lines: Vec<MetricLine>,
    pub standards: Standards,
    pub pipeline: Vec<StageTotal>,
}

/// Everything a scorecard is computed from, as plain data.
#[derive(Debug, Clone, Copy)]
pub struct ScorecardInputs<'a> {
    pub quarter: FiscalQuarter,
    pub start_month: Month,
    pub today: NaiveDate,
    /// The quarter's targets.
    pub metrics: &'a [Metric],
    /// The opportunities the quarter's figures need (every one, or those open or closed since
    /// its fiscal year started: see `store::scorecard::Facts::read_window`).
    pub opportunities: &'a [OpportunityFacts],
    /// Whether any opportunity was ever recorded: without one, wins and pipeline are typed.
    pub has_opportunities: bool,
    /// The milestones the standards need (every one, or those still to deliver).
    pub milestones: &'a [MilestoneFacts],
    /// Actual consumption (first day of the month, dollars) of every account: summed per month.
    pub consumption: &'a [(NaiveDate, i64)],
    pub contacts: &'a [ContactFacts],
    /// The active architects' one-on-ones.
    pub cadence: &'a [CadenceFacts],
}

/// The day a quarter is looked at: its last day once over, today while it runs (a quarter
/// that has not started is looked at today, when nothing in it has happened yet).
pub fn as_of(quarter: FiscalQuarter, start_month: Month, today: NaiveDate) -> NaiveDate {
    quarter.end_inclusive(start_month).min(today)
}

/// The scorecard of a quarter: each target with its actual (ACR from the consumption entered
/// for the quarter's months, wins won in the quarter, the open pipeline at its end; typed
/// where no record holds it) and the operational standards as of its end.
pub fn scorecard(inputs: &ScorecardInputs<'_>) -> Scorecard {
    let ScorecardInputs { quarter, start_month, today, .. } = *inputs;
    let first = quarter.start(start_month);
    let last = quarter.end_inclusive(start_month);
    let as_of = as_of(quarter, start_month, today);
    let fiscal_year_start =
        FiscalQuarter::new(quarter.fiscal_year(), 1).map_or(first, |q1| q1.start(start_month));
    let has_opportunities = inputs.has_opportunities;
    let consumed: Vec<i64> = inputs
        .consumption
        .iter()
        .filter(|(month, _)| first <= *month && *month <= last)
        .map(|(_, d)| *d)
        .collect();
    let derived = |kind: MetricKind| -> Option<i64> {
        match kind {
            MetricKind::Acr => (!consumed.is_empty())
                .then(|| consumed.iter().fold(0_i64, |sum, d| sum.saturating_add(*d)).saturating_mul(100)),
            MetricKind::Wins => has_opportunities.then(|| {
                let wins = inputs.opportunities.iter().filter(|o| o.won_between(first, as_of)).count();
                i64::try_from(wins).unwrap_or(i64::MAX).saturating_mul(100)
            }),
            MetricKind::Pipeline => has_opportunities.then(|| {
                inputs
                    .opportunities
                    .iter()
                    .filter(|o| o.open_on(as_of))
                    .fold(0_i64, |sum, o| sum.saturating_add(o.monthly_acr))
                    .saturating_mul(100)
            }),
            MetricKind::Custom => None,
        }
    };
    let lines = inputs
        .metrics
        .iter()
        .filter(|m| m.fields.quarter == quarter)
        .map(|m| MetricLine {
            id: m.id,
            kind: m.fields.kind,
            name: m.fields.name.clone(),
            unit: m.fields.unit.clone(),
            target: m.fields.target,
            typed: m.fields.actual,
            derived: derived(m.fields.kind),
        })
        .collect();
    let standards = Standards {
        coverage: coverage(inputs.opportunities, fiscal_year_start, as_of),
        stale_commitments: stale_commitments(inputs.milestones, as_of),
        cadence: cadence_kept(inputs.cadence, first, as_of),
        contacts_past_max: contacts_past_max(inputs.contacts, as_of),
    };
    Scorecard { quarter, as_of, lines, standards, pipeline: pipeline_by_stage(inputs.opportunities, as_of) }
}

/// What needs the manager's attention on the Business screen, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attention {
    /// Wins of this fiscal year without an agreed consumption plan (shown in red).
    pub wins_without_plan: Vec<OpportunityId>,
    /// Milestones at risk or blocked (of wins not lost).
    pub troubled: Vec<MilestoneId>,
    /// Committed milestones due within 30 days without evidence in 14 days.
    pub stale_commitments: Vec<MilestoneId>,
    pub contacts_past_max: Vec<ContactId>,
}

impl Attention {
    pub fn build(
        opportunities: &[OpportunityFacts],
        milestones: &[MilestoneFacts],
        contacts: &[ContactFacts],
        fiscal_year_start: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        Self {
            wins_without_plan: coverage(opportunities, fiscal_year_start, today).without_plan,
            troubled: milestones
                .iter()
                .filter(|m| m.counts() && m.state.is_troubled())
                .map(|m| m.id)
                .collect(),
            stale_commitments: stale_commitments(milestones, today),
            contacts_past_max: contacts_past_max(contacts, today),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.wins_without_plan.is_empty()
            && self.troubled.is_empty()
            && self.stale_commitments.is_empty()
            && self.contacts_past_max.is_empty()
    }
}

/// The monthly ACR expected in each of `months` (first days): the expected ACR of every
/// milestone that counts and is due by the end of that month. `milestones` are (due, expected).
pub fn expected_by_month(milestones: &[(NaiveDate, i64)], months: &[NaiveDate]) -> Vec<i64> {
    months
        .iter()
        .map(|&month| {
            let end = month.checked_add_months(chrono::Months::new(1)).unwrap_or(month);
            milestones
                .iter()
                .filter(|(due, _)| *due < end)
                .fold(0_i64, |sum, (_, acr)| sum.saturating_add(*acr))
        })
        .collect()
}

/// `count` months ending with the month of `last` (first days, oldest first).
pub fn months_until(last: NaiveDate, count: u32) -> Vec<NaiveDate> {
    let last = records::first_of_month(last);
    (0..count).rev().filter_map(|back| last.checked_sub_months(chrono::Months::new(back))).collect()
}

/// What a time entry may name besides an architect: the account or the initiative the time
/// went to, so the Time screen can say where market-building hours went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkLink {
    Account(super::ids::AccountId),
    Initiative(super::ids::InitiativeId),
}

/// The name of what a link points at: "Contoso" or "Initiative: Mid-market healthcare".
pub fn link_name(link: WorkLink, accounts: &[Account], initiatives: &[Initiative]) -> String {
    match link {
        WorkLink::Account(id) => accounts
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| format!("account #{id}"), |a| a.fields.name.clone()),
        WorkLink::Initiative(id) => initiatives
            .iter()
            .find(|i| i.id == id)
            .map_or_else(|| format!("initiative #{id}"), |i| i.fields.title.clone()),
    }
}

/// Finds the account or initiative a typed name means, as the architect field does for people:
/// the exact name (any case, accents ignored), or the one whose name (or a word of it) starts
/// with what was typed. Empty means none.
pub fn match_link<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    initiatives: &[Initiative],
    typed: &str,
) -> Result<Option<WorkLink>, super::text::ValidationError> {
    use super::text::{ValidationError, fold_for_match};
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let needle = fold_for_match(typed);
    let named = accounts.into_iter().map(|a| (WorkLink::Account(a.id), a.fields.name.as_str(), true)).chain(
        initiatives
            .iter()
            .map(|i| (WorkLink::Initiative(i.id), i.fields.title.as_str(), i.fields.status.is_live())),
    );
    let all: Vec<(WorkLink, &str, bool)> = named.collect();
    if let Some((link, _, _)) = all.iter().find(|(_, name, _)| fold_for_match(name) == needle) {
        return Ok(Some(*link));
    }
    let starts = |name: &str| {
        let folded = fold_for_match(name);
        folded.starts_with(&needle) || folded.split_whitespace().any(|word| word.starts_with(&needle))
    };
    let found: Vec<&(WorkLink, &str, bool)> = all.iter().filter(|(_, name, _)| starts(name)).collect();
    let live: Vec<&(WorkLink, &str, bool)> = found.iter().copied().filter(|(_, _, live)| *live).collect();
    let candidates = if live.is_empty() { found } else { live };
    match candidates.as_slice() {
        [] => Err(ValidationError::new(
            "account or initiative",
            format!("no account or initiative is called “{typed}”"),
        )),
        [(link, _, _)] => Ok(Some(*link)),
        many => {
            let shown: Vec<&str> = many.iter().take(4).map(|(_, name, _)| *name).collect();
            let more = if many.len() > 4 { format!(" and {} more", many.len() - 4) } else { String::new() };
            Err(ValidationError::new(
                "account or initiative",
                format!("“{typed}” could be {}{more}; type more of the name", shown.join(", ")),
            ))
        }
    }
}

#[cfg(test)]
mod tests;
