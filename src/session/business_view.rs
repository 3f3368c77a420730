//! The part of the view model the Business screen reads: accounts with their figures, the
//! opportunities and wins of the current and previous fiscal year (and older wins with
//! milestones still to deliver) with their milestones, actual consumption, initiatives and
//! events, the network, what needs attention and the scorecards around this quarter. Read
//! after a write to any of them, never on a repaint.

use std::collections::HashMap;

use chrono::{Days, Month, Months, NaiveDate};
use rusqlite::Connection;

use crate::model::business::{
    self, Account, Attention, Consumption, Contact, Initiative, InitiativeEvent, Interaction, Metric,
    Milestone, Opportunity, OpportunityStatus, Owner, Scorecard, StageTotal, Touch, TouchStatus,
};
use crate::model::fiscal::FiscalQuarter;
use crate::model::{AccountId, ArchitectId, ContactId, InitiativeId, MilestoneId, OpportunityId};
use crate::store::scorecard::Facts;
use crate::store::{
    StoreError, accounts, consumption, contacts, initiatives, milestones, opportunities, time,
};

/// Months of actual consumption shown behind today, and of expected ACR ahead.
pub const MONTHS_BACK: u32 = 12;
pub const MONTHS_AHEAD: u32 = 6;
/// How far back the interactions under a contact go.
pub const INTERACTION_DAYS: u64 = 365;
/// Scorecards kept around this quarter: four before it, and the next.
pub const QUARTERS_BACK: usize = 4;

/// An account with the figures its row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub account: Account,
    /// Open opportunities and their monthly ACR.
    pub open_count: usize,
    pub open_acr: i64,
    /// Wins listed (this and last fiscal year).
    pub wins: usize,
    /// Monthly ACR expected by the end of this month from its milestones.
    pub expected_now: i64,
    /// The latest month with actual consumption entered, and the amount.
    pub actual_last: Option<(NaiveDate, i64)>,
}

/// A contact with their last interaction and standing today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRow {
    pub contact: Contact,
    pub last: Option<NaiveDate>,
    pub status: TouchStatus,
}

/// Each view read gets the next number, so that a screen keeping something computed from the
/// lists (the Wins table's row order) knows when to compute it again.
static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[derive(Debug, Clone, Default)]
pub struct BusinessView {
    /// Differs between any two views read (0: none read yet); a view's lists never change in place.
    pub generation: u64,
    pub today: NaiveDate,
    pub start_month: Option<Month>,
    /// This fiscal quarter, and the first day of its fiscal year.
    pub quarter: Option<FiscalQuarter>,
    pub fiscal_year_start: NaiveDate,
    /// What closed before this day (the previous fiscal year's start) is not listed.
    pub since: NaiveDate,
    pub accounts: Vec<AccountRow>,
    /// Newest first.
    pub opportunities: Vec<Opportunity>,
    /// The listed opportunities' milestones, by due date.
    pub milestones: Vec<Milestone>,
    /// Actual consumption of the last months, by account and month.
    pub consumption: Vec<Consumption>,
    /// Per account, the expected monthly ACR of its milestones that count, as (due, ACR): summed
    /// per month of the chart, and those due before it into one (`milestones::expected_by_account`);
    /// only what `expected_series` over the chart's months needs.
    pub expected: HashMap<AccountId, Vec<(NaiveDate, i64)>>,
    pub initiatives: Vec<Initiative>,
    /// By initiative and date.
    pub events: Vec<InitiativeEvent>,
    pub contacts: Vec<ContactRow>,
    /// Interactions of the last year, newest first.
    pub interactions: Vec<Interaction>,
    pub attention: Attention,
    /// The quarters around this one, oldest first.
    pub scorecards: Vec<Scorecard>,
    /// The targets of those quarters.
    pub metrics: Vec<Metric>,
    /// The open pipeline today by MCEM stage.
    pub pipeline: Vec<StageTotal>,
    /// What the scorecards were computed from, kept so that a change to one-on-ones reads only
    /// their dates again (a talking point ticked must not read every opportunity).
    facts: Facts,
}

impl BusinessView {
    /// Reads the view from only the records its figures can use (`Facts::read_window`).
    pub fn load(conn: &Connection, today: NaiveDate) -> Result<Self, StoreError> {
        Self::load_reading(conn, today, false)
    }

    /// The same view computed from every record ever kept (`Facts::read`), which the windowed
    /// read must equal: for the tests and the benchmark that check it.
    pub fn load_from_every_record(conn: &Connection, today: NaiveDate) -> Result<Self, StoreError> {
        Self::load_reading(conn, today, true)
    }

    fn load_reading(conn: &Connection, today: NaiveDate, every_record: bool) -> Result<Self, StoreError> {
        let start_month = time::time_settings(conn)?.start_month;
        let quarter = FiscalQuarter::of(today, start_month);
        let first_quarter = FiscalQuarter::new(quarter.fiscal_year(), 1).unwrap_or(quarter);
        let fiscal_year_start = first_quarter.start(start_month);
        let since = FiscalQuarter::new(quarter.fiscal_year() - 1, 1)
            .map_or(fiscal_year_start, |q| q.start(start_month));
        let mut earliest = quarter;
        for _ in 0..QUARTERS_BACK {
            earliest = earliest.previous();
        }
        let opportunities = opportunities::list_in_view(conn, since)?;
        let listed: Vec<OpportunityId> = opportunities.iter().map(|o| o.id).collect();
        let milestones = milestones::of_opportunities(conn, &listed)?;
        let facts = if every_record {
            Facts::read(conn, earliest, quarter.next(), start_month)?
        } else {
            let listed = (opportunities.as_slice(), milestones.as_slice());
            Facts::read_window_from_listed(conn, earliest, quarter.next(), start_month, today, since, listed)?
        };
        let mut scorecards = Vec::with_capacity(QUARTERS_BACK + 2);
        let mut q = earliest;
        while q <= quarter.next() {
            scorecards.push(facts.scorecard(q, start_month, today));
            q = q.next();
        }
        let attention = Attention::build(
            &facts.opportunities,
            &facts.milestones,
            &facts.contacts,
            fiscal_year_start,
            today,
        );
        let pipeline = business::pipeline_by_stage(&facts.opportunities, today);

        let first_month = business::records::first_of_month(today)
            .checked_sub_months(Months::new(MONTHS_BACK - 1))
            .unwrap_or(today);
        let consumption = consumption::since(conn, first_month)?;
        let mut expected: HashMap<AccountId, Vec<(NaiveDate, i64)>> = HashMap::new();
        let chart_end = chart_months(today).last().and_then(|m| m.checked_add_months(Months::new(1)));
        let expected_acr = match chart_end {
            Some(end) if !every_record => milestones::expected_by_account(conn, first_month, end)?,
            // The whole read takes every milestone one by one: the sums must come out the same.
            _ => milestones::expected_of_each(conn)?,
        };
        for (account, due, acr) in expected_acr {
            expected.entry(account).or_default().push((due, acr));
        }
        let accounts = account_rows(accounts::list(conn)?, &opportunities, &consumption, &expected, today);

        let contact_facts: HashMap<ContactId, &business::ContactFacts> =
            facts.contacts.iter().map(|c| (c.id, c)).collect();
        let contacts = contacts::list(conn)?
            .into_iter()
            .map(|contact| {
                let last = contact_facts.get(&contact.id).and_then(|f| f.last_by(today));
                let status = business::network::touch_status(
                    contact.created_on,
                    last,
                    contact.fields.ideal_days,
                    contact.fields.max_days,
                    today,
                );
                ContactRow { contact, last, status }
            })
            .collect();
        let interactions = contacts::interactions_since(
            conn,
            today.checked_sub_days(Days::new(INTERACTION_DAYS)).unwrap_or(today),
        )?;
        Ok(Self {
            generation: GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            today,
            start_month: Some(start_month),
            quarter: Some(quarter),
            fiscal_year_start,
            since,
            accounts,
            opportunities,
            milestones,
            consumption,
            expected,
            initiatives: initiatives::list(conn)?,
            events: initiatives::events(conn)?,
            contacts,
            interactions,
            attention,
            scorecards,
            metrics: facts.metrics.clone(),
            pipeline,
            facts,
        })
    }

    /// Reads the scorecards again (one-on-ones changed: the cadence standard).
    pub fn reload_scorecards(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let (Some(start_month), Some(first), Some(last)) = (
            self.start_month,
            self.scorecards.first().map(|s| s.quarter),
            self.scorecards.last().map(|s| s.quarter),
        ) else {
            return Ok(());
        };
        let cadence = crate::store::scorecard::cadence_facts(
            conn,
            first.start(start_month),
            last.end_inclusive(start_month),
        )?;
        if cadence == self.facts.cadence {
            return Ok(());
        }
        self.facts.cadence = cadence;
        for card in &mut self.scorecards {
            *card = self.facts.scorecard(card.quarter, start_month, self.today);
        }
        Ok(())
    }

    /// The parts of what the screen shows that differ between two views (empty when the same):
    /// the lists, the figures of every account's chart, what needs attention, the scorecards
    /// and the pipeline. What they were computed from is not compared.
    pub fn differences(&self, other: &Self) -> Vec<&'static str> {
        let months = self.chart_months();
        let charts = |view: &Self| -> Vec<(Vec<i64>, Vec<Option<i64>>)> {
            view.accounts
                .iter()
                .map(|a| {
                    (view.expected_series(a.account.id, &months), view.actual_series(a.account.id, &months))
                })
                .collect()
        };
        let checks: [(&'static str, bool); 15] = [
            ("today", self.today == other.today),
            ("quarter", self.quarter == other.quarter && self.fiscal_year_start == other.fiscal_year_start),
            ("accounts", self.accounts == other.accounts),
            ("opportunities", self.opportunities == other.opportunities),
            ("milestones", self.milestones == other.milestones),
            ("consumption", self.consumption == other.consumption),
            ("charts", months == other.chart_months() && charts(self) == charts(other)),
            ("initiatives", self.initiatives == other.initiatives),
            ("events", self.events == other.events),
            ("contacts", self.contacts == other.contacts),
            ("interactions", self.interactions == other.interactions),
            ("attention", self.attention == other.attention),
            ("scorecards", self.scorecards == other.scorecards),
            ("metrics", self.metrics == other.metrics),
            ("pipeline", self.pipeline == other.pipeline),
        ];
        checks.into_iter().filter(|(_, same)| !same).map(|(name, _)| name).collect()
    }

    /// Whether anything business-like was ever recorded (for the empty states).
    pub fn has_records(&self) -> bool {
        !self.opportunities.is_empty() || !self.initiatives.is_empty() || !self.contacts.is_empty()
    }

    pub fn account(&self, id: AccountId) -> Option<&AccountRow> {
        self.accounts.iter().find(|a| a.account.id == id)
    }

    pub fn account_name(&self, id: AccountId) -> &str {
        self.account(id).map_or("", |a| a.account.fields.name.as_str())
    }

    pub fn opportunity(&self, id: OpportunityId) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    pub fn milestone(&self, id: MilestoneId) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }

    pub fn milestones_of(&self, id: OpportunityId) -> impl Iterator<Item = &Milestone> {
        self.milestones.iter().filter(move |m| m.opportunity == id)
    }

    pub fn initiative(&self, id: InitiativeId) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    pub fn events_of(&self, id: InitiativeId) -> impl Iterator<Item = &InitiativeEvent> {
        self.events.iter().filter(move |e| e.initiative == id)
    }

    pub fn contact(&self, id: ContactId) -> Option<&ContactRow> {
        self.contacts.iter().find(|c| c.contact.id == id)
    }

    pub fn interactions_of(&self, id: ContactId) -> impl Iterator<Item = &Interaction> {
        self.interactions.iter().filter(move |i| i.contact == id)
    }

    pub fn scorecard(&self, quarter: FiscalQuarter) -> Option<&Scorecard> {
        self.scorecards.iter().find(|s| s.quarter == quarter)
    }

    /// Contacts due a word (past the ideal interval), those past the maximum first.
    pub fn contacts_due(&self) -> Vec<&ContactRow> {
        let mut due: Vec<&ContactRow> =
            self.contacts.iter().filter(|c| c.status.touch != Touch::Fine).collect();
        due.sort_by_key(|c| (std::cmp::Reverse(c.status.touch), std::cmp::Reverse(c.status.days_since)));
        due
    }

    /// The months the ACR chart shows: the last twelve and the next six (first days).
    pub fn chart_months(&self) -> Vec<NaiveDate> {
        chart_months(self.today)
    }

    /// An account's expected monthly ACR in each of `months`.
    pub fn expected_series(&self, account: AccountId, months: &[NaiveDate]) -> Vec<i64> {
        business::expected_by_month(self.expected.get(&account).map_or(&[][..], Vec::as_slice), months)
    }

    /// An account's actual consumption in each of `months`, where entered.
    pub fn actual_series(&self, account: AccountId, months: &[NaiveDate]) -> Vec<Option<i64>> {
        months
            .iter()
            .map(|month| {
                self.consumption.iter().find(|c| c.account == account && c.month == *month).map(|c| c.dollars)
            })
            .collect()
    }

    /// An architect's wins and open opportunities (those they drive), newest first.
    pub fn opportunities_of(&self, architect: ArchitectId) -> impl Iterator<Item = &Opportunity> {
        self.opportunities.iter().filter(move |o| o.fields.architects.contains(&architect))
    }

    /// The milestones an architect owns.
    pub fn milestones_owned_by(&self, architect: ArchitectId) -> impl Iterator<Item = &Milestone> {
        self.milestones.iter().filter(move |m| m.fields.owner == Owner::Architect(architect))
    }

    /// What an architect's prep card lists: milestones they own or on wins they drive, still to
    /// deliver, that are at risk, blocked, or due within 30 days (overdue included).
    pub fn milestones_to_raise(&self, architect: ArchitectId) -> Vec<&Milestone> {
        let soon = self.today.checked_add_days(Days::new(business::DUE_SOON_DAYS)).unwrap_or(self.today);
        self.milestones
            .iter()
            .filter(|m| {
                let win = self.opportunity(m.opportunity);
                let theirs = m.fields.owner == Owner::Architect(architect)
                    || win.is_some_and(|o| o.fields.architects.contains(&architect));
                let counts = win.is_none_or(|o| o.fields.status != OpportunityStatus::Lost);
                theirs
                    && counts
                    && m.fields.state.is_open()
                    && (m.fields.state.is_troubled() || m.fields.due_on.is_some_and(|d| d <= soon))
            })
            .collect()
    }
}

/// The months the ACR chart shows on `today`: the last twelve and the next six (first days).
fn chart_months(today: NaiveDate) -> Vec<NaiveDate> {
    let last = business::records::first_of_month(today)
        .checked_add_months(Months::new(MONTHS_AHEAD))
        .unwrap_or(today);
    business::months_until(last, MONTHS_BACK + MONTHS_AHEAD)
}

fn account_rows(
    accounts: Vec<Account>,
    opportunities: &[Opportunity],
    consumption: &[Consumption],
    expected: &HashMap<AccountId, Vec<(NaiveDate, i64)>>,
    today: NaiveDate,
) -> Vec<AccountRow> {
    // One pass over each list, not one per account (300 accounts on the large demo).
    let mut counts: HashMap<AccountId, (usize, i64, usize)> = HashMap::new();
    for o in opportunities {
        let (open_count, open_acr, wins) = counts.entry(o.fields.account).or_default();
        match o.fields.status {
            OpportunityStatus::Open => {
                *open_count += 1;
                *open_acr = open_acr.saturating_add(o.fields.monthly_acr);
            }
            OpportunityStatus::Won => *wins += 1,
            OpportunityStatus::Lost => {}
        }
    }
    let mut last: HashMap<AccountId, (NaiveDate, i64)> = HashMap::new();
    for c in consumption {
        let latest = last.entry(c.account).or_insert((c.month, c.dollars));
        if c.month > latest.0 {
            *latest = (c.month, c.dollars);
        }
    }
    let this_month = [business::records::first_of_month(today)];
    accounts
        .into_iter()
        .map(|account| {
            let id = account.id;
            let (open_count, open_acr, wins) = counts.get(&id).copied().unwrap_or_default();
            let expected_now = expected.get(&id).map_or(0, |list| {
                business::expected_by_month(list, &this_month).first().copied().unwrap_or(0)
            });
            AccountRow {
                account,
                open_count,
                open_acr,
                wins,
                expected_now,
                actual_last: last.get(&id).copied(),
            }
        })
        .collect()
}
