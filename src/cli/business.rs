//! `leadline accounts|wins|milestones|network|interactions|consumption|scorecard`: the Business
//! screen's records from the command line, listed as a table, CSV or JSON, and added by
//! scripts through the same commands the app sends.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::{Days, NaiveDate};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::output::{Format, aligned};
use super::{open_existing, session};
use crate::model::architect::Choice as _;
use crate::model::business::money::{dollars_text, parse_dollars};
use crate::model::business::{
    AccountFields, MilestoneFacts, MilestoneFields, MilestoneState, Opportunity, OpportunityFields,
    OpportunityStatus, Owner,
};
use crate::model::fiscal::FiscalQuarter;
use crate::model::lists::find_by_name;
use crate::model::text::{self, fold_for_match};
use crate::model::{Architect, ListKind};
use crate::session::{BusinessCommand, BusinessDone, BusinessView, Command, Done, Origin, Session};
use crate::store::{self, Store};

mod network;

pub use network::{
    ConsumptionCommand, InteractionsCommand, NetworkCommand, ScorecardArgs, consumption, interactions,
    network, scorecard,
};

#[derive(Debug, Subcommand)]
pub enum AccountsCommand {
    /// Customer accounts with their architects, pipeline, wins and ACR.
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add an account.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        industry: String,
        #[arg(long, default_value = "")]
        segment: String,
        /// The account executive's name.
        #[arg(long, default_value = "")]
        executive: String,
        /// Architects assigned, comma-separated names.
        #[arg(long, default_value = "")]
        architects: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum WinsCommand {
    /// Wins (or, with --status, other opportunities), newest first.
    List(WinsList),
    /// Record an opportunity or a win.
    Add(Box<WinAdd>),
    /// Record a win's consumption plan as agreed with the customer.
    Plan {
        /// The win: its CRM id, or its title (a unique part is enough).
        win: String,
        /// The day the customer agreed the plan (YYYY-MM-DD; default today).
        #[arg(long)]
        agreed_on: Option<String>,
        /// The customer's sponsor.
        #[arg(long, default_value = "")]
        sponsor: String,
    },
}

#[derive(Debug, Args)]
pub struct WinsList {
    /// Only those won in this fiscal quarter, e.g. FY27Q2.
    #[arg(long)]
    quarter: Option<String>,
    /// Only wins without a consumption plan agreed with the customer.
    #[arg(long)]
    without_plan: bool,
    /// won (default), open, lost or all.
    #[arg(long, default_value = "won")]
    status: String,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Args)]
pub struct WinAdd {
    /// The customer account, by name.
    #[arg(long)]
    account: String,
    #[arg(long)]
    title: String,
    /// MCEM stage, 1 to 5 (or its name).
    #[arg(long, default_value = "1")]
    stage: String,
    /// Estimated monthly ACR in dollars (12500, 12.5k).
    #[arg(long, default_value = "0", allow_hyphen_values = true)]
    acr: String,
    /// open, won or lost.
    #[arg(long, default_value = "won")]
    status: String,
    /// The day it was won or lost (YYYY-MM-DD; default today).
    #[arg(long)]
    date: Option<String>,
    #[arg(long, default_value = "")]
    lost_reason: String,
    /// A solution area, by name.
    #[arg(long)]
    area: Option<String>,
    /// Architects driving it, comma-separated names.
    #[arg(long, default_value = "")]
    architects: String,
    #[arg(long, default_value = "")]
    crm_id: String,
}

#[derive(Debug, Subcommand)]
pub enum MilestonesCommand {
    /// Milestones of the consumption plans, by due date.
    List {
        /// Only those still to deliver due within this many days (overdue included).
        #[arg(long, value_name = "DAYS")]
        due_within: Option<u32>,
        /// Only those in this state: `on_track`, `at_risk`, `blocked`, `live` or `cancelled`.
        #[arg(long)]
        state: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Add a milestone to a win's plan.
    Add(Box<MilestoneAdd>),
}

#[derive(Debug, Args)]
pub struct MilestoneAdd {
    /// The win: its CRM id, or its title (a unique part is enough).
    #[arg(long)]
    win: String,
    #[arg(long)]
    workload: String,
    /// The architect who owns it, by name.
    #[arg(long, conflicts_with = "partner")]
    owner: Option<String>,
    /// Or the partner who owns it, as free text.
    #[arg(long)]
    partner: Option<String>,
    /// Due date (YYYY-MM-DD).
    #[arg(long)]
    due: Option<String>,
    /// Expected monthly ACR once live, in dollars.
    #[arg(long, allow_hyphen_values = true)]
    acr: Option<String>,
    /// Committed to the customer (needs an owner, a due date and an expected ACR).
    #[arg(long)]
    committed: bool,
    /// `on_track` (default), `at_risk`, blocked, live or cancelled.
    #[arg(long, default_value = "on_track")]
    state: String,
    /// The last evidence of progress, and its day (default today).
    #[arg(long, default_value = "")]
    evidence: String,
    #[arg(long)]
    evidence_on: Option<String>,
    #[arg(long, default_value = "")]
    crm_id: String,
}

/// Prints rows in the chosen format: an aligned table of some columns, or every field as CSV
/// or JSON.
fn print_rows<T: Serialize, const N: usize>(
    rows: &[T],
    format: Format,
    header: &[&str; N],
    table_row: impl Fn(&T) -> [String; N],
) -> anyhow::Result<()> {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(rows)?),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
            // The header comes from the first row: an empty list prints nothing.
            for row in rows {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        Format::Table => {
            let table: Vec<[String; N]> = rows.iter().map(table_row).collect();
            print!("{}", aligned(header, &table));
        }
    }
    Ok(())
}

/// The one item whose name matches `typed`: exactly (case and accents ignored), or as the only
/// one containing it. Otherwise the message names what was looked for and what is close.
fn find_one<'a, T>(
    items: &'a [T],
    name: impl Fn(&T) -> &str,
    typed: &str,
    what: &str,
) -> anyhow::Result<&'a T> {
    let needle = fold_for_match(typed.trim());
    if needle.is_empty() {
        bail!("{what}: give a name");
    }
    if let Some(exact) = items.iter().find(|i| fold_for_match(name(i)) == needle) {
        return Ok(exact);
    }
    let found: Vec<&T> = items.iter().filter(|i| fold_for_match(name(i)).contains(&needle)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => {
            let names: Vec<&str> = items.iter().map(&name).collect();
            let close: Vec<String> = crate::model::fuzzy::close(&needle, &names, 3)
                .into_iter()
                .map(|i| format!("“{}”", names[i]))
                .collect();
            if close.is_empty() {
                bail!("no {what} called “{}”", typed.trim())
            }
            bail!("no {what} called “{}”; did you mean {}?", typed.trim(), close.join(" or "))
        }
        several => {
            let names: Vec<String> = several.iter().take(4).map(|i| format!("“{}”", name(i))).collect();
            bail!("“{}” could be {}; give more of the name", typed.trim(), names.join(", "))
        }
    }
}

fn architects_named(architects: &[Architect], names: &str) -> anyhow::Result<Vec<crate::model::ArchitectId>> {
    names
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| super::development::find_architect(architects, n).map(|a| a.id))
        .collect()
}

fn names_of(architects: &[Architect], ids: &[crate::model::ArchitectId]) -> String {
    ids.iter()
        .filter_map(|id| architects.iter().find(|a| a.id == *id))
        .map(Architect::name)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A win by CRM id or title.
fn find_opportunity<'a>(all: &'a [Opportunity], typed: &str) -> anyhow::Result<&'a Opportunity> {
    if let Some(found) =
        all.iter().find(|o| !o.fields.crm_id.is_empty() && o.fields.crm_id.eq_ignore_ascii_case(typed.trim()))
    {
        return Ok(found);
    }
    find_one(all, |o| o.fields.title.as_str(), typed, "opportunity")
}

fn sent(session: &mut Session, command: BusinessCommand) -> anyhow::Result<BusinessDone> {
    match session.run(Origin::COMMAND_LINE, Command::Business(command))? {
        Done::Business(done) => Ok(done),
        other => bail!("unexpected result {other:?}"),
    }
}

fn day_or_today(field: &'static str, value: Option<&str>, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    Ok(match value {
        Some(value) => text::parse_date(field, value)?,
        None => today,
    })
}

/// One account as listed.
#[derive(Serialize)]
struct AccountRow<'a> {
    id: i64,
    name: &'a str,
    industry: &'a str,
    segment: &'a str,
    account_executive: &'a str,
    architects: String,
    open_opportunities: usize,
    open_monthly_acr: i64,
    wins: usize,
    expected_monthly_acr: i64,
    actual_month: Option<String>,
    actual_acr: Option<i64>,
}

pub fn accounts(command: AccountsCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    match command {
        AccountsCommand::List { format } => {
            let store = open_existing(db)?;
            let view = BusinessView::load(store.conn(), today)?;
            let architects = store::architects::list(store.conn())?;
            let rows: Vec<AccountRow<'_>> = view
                .accounts
                .iter()
                .map(|a| {
                    let f = &a.account.fields;
                    AccountRow {
                        id: a.account.id.0,
                        name: &f.name,
                        industry: &f.industry,
                        segment: &f.segment,
                        account_executive: &f.account_executive,
                        architects: names_of(&architects, &f.architects),
                        open_opportunities: a.open_count,
                        open_monthly_acr: a.open_acr,
                        wins: a.wins,
                        expected_monthly_acr: a.expected_now,
                        actual_month: a.actual_last.map(|(m, _)| m.format("%Y-%m").to_string()),
                        actual_acr: a.actual_last.map(|(_, d)| d),
                    }
                })
                .collect();
            print_rows(
                &rows,
                format,
                &[
                    "ACCOUNT",
                    "INDUSTRY",
                    "SEGMENT",
                    "ARCHITECTS",
                    "PIPELINE/MO",
                    "WINS",
                    "EXPECTED/MO",
                    "ACTUAL",
                ],
                |r| {
                    [
                        r.name.to_owned(),
                        r.industry.to_owned(),
                        r.segment.to_owned(),
                        r.architects.clone(),
                        dollars_text(r.open_monthly_acr),
                        r.wins.to_string(),
                        dollars_text(r.expected_monthly_acr),
                        match (&r.actual_month, r.actual_acr) {
                            (Some(month), Some(acr)) => format!("{} ({month})", dollars_text(acr)),
                            _ => String::new(),
                        },
                    ]
                },
            )?;
        }
        AccountsCommand::Add { name, industry, segment, executive, architects } => {
            let mut session = session(db, today)?;
            let team = store::architects::list(session.conn())?;
            let fields = AccountFields {
                name,
                industry,
                segment,
                account_executive: executive,
                architects: architects_named(&team, &architects)?,
            };
            let done = sent(&mut session, BusinessCommand::AddAccount(fields))?;
            println!("{}", done.message);
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct WinRow {
    id: i64,
    crm_id: String,
    title: String,
    account: String,
    stage: u8,
    stage_name: &'static str,
    status: &'static str,
    monthly_acr: i64,
    closed_on: Option<NaiveDate>,
    plan_agreed_on: Option<NaiveDate>,
    plan_sponsor: String,
    architects: String,
    milestones: usize,
}

pub fn wins(command: WinsCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    match command {
        WinsCommand::List(args) => wins_list(&args, &open_existing(db)?, today)?,
        WinsCommand::Add(args) => {
            let mut session = session(db, today)?;
            let conn = session.conn();
            let accounts = store::accounts::list(conn)?;
            let account = find_one(&accounts, |a| a.fields.name.as_str(), &args.account, "account")?;
            let team = store::architects::list(conn)?;
            let areas = store::lists::list(conn, ListKind::SolutionArea)?;
            let status = OpportunityStatus::parse(&args.status).with_context(|| {
                format!("status: “{}” is not one of {}", args.status, OpportunityStatus::keys())
            })?;
            let fields = OpportunityFields {
                account: account.id,
                title: args.title.clone(),
                solution_area: match &args.area {
                    Some(area) => Some(
                        find_by_name(&areas, area)
                            .with_context(|| format!("solution area: no area called “{area}”"))?,
                    ),
                    None => None,
                },
                stage: crate::model::business::McemStage::read("stage", &args.stage)?,
                architects: architects_named(&team, &args.architects)?,
                monthly_acr: parse_dollars("monthly ACR", &args.acr)?,
                status,
                closed_on: match status {
                    OpportunityStatus::Open => None,
                    _ => Some(day_or_today("date", args.date.as_deref(), today)?),
                },
                lost_reason: args.lost_reason.clone(),
                crm_id: args.crm_id.clone(),
            };
            let done = sent(&mut session, BusinessCommand::AddOpportunity(fields))?;
            println!("{}", done.message);
        }
        WinsCommand::Plan { win, agreed_on, sponsor } => {
            let mut session = session(db, today)?;
            let all = store::opportunities::list_all(session.conn())?;
            let id = find_opportunity(&all, &win)?.id;
            let agreed_on = Some(day_or_today("agreed on", agreed_on.as_deref(), today)?);
            let done = sent(&mut session, BusinessCommand::SetPlan { id, agreed: true, agreed_on, sponsor })?;
            println!("{}", done.message);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn wins_list(args: &WinsList, store: &Store, today: NaiveDate) -> anyhow::Result<()> {
    let conn = store.conn();
    let start_month = store::time::time_settings(conn)?.start_month;
    let quarter = args.quarter.as_deref().map(str::parse::<FiscalQuarter>).transpose()?;
    let status = match args.status.trim().to_lowercase().as_str() {
        "all" => None,
        other => Some(OpportunityStatus::parse(other).with_context(|| {
            format!("status: “{other}” is not one of {}, all", OpportunityStatus::keys())
        })?),
    };
    let accounts = store::accounts::list(conn)?;
    let architects = store::architects::list(conn)?;
    let milestones = store::milestones::list_all(conn)?;
    let _ = today;
    let rows: Vec<WinRow> = store::opportunities::list_all(conn)?
        .into_iter()
        .filter(|o| status.is_none_or(|s| o.fields.status == s))
        .filter(|o| quarter.is_none_or(|q| o.fields.closed_on.is_some_and(|d| q.contains(d, start_month))))
        .filter(|o| !args.without_plan || (o.fields.is_won() && !o.plan.is_agreed()))
        .map(|o| {
            let f = &o.fields;
            WinRow {
                id: o.id.0,
                crm_id: f.crm_id.clone(),
                title: f.title.clone(),
                account: accounts
                    .iter()
                    .find(|a| a.id == f.account)
                    .map_or_else(String::new, |a| a.fields.name.clone()),
                stage: f.stage.number(),
                stage_name: f.stage.name(),
                status: f.status.key(),
                monthly_acr: f.monthly_acr,
                closed_on: f.closed_on,
                plan_agreed_on: o.plan.agreed_on,
                plan_sponsor: o.plan.sponsor.clone(),
                architects: names_of(&architects, &f.architects),
                milestones: milestones.iter().filter(|(m, _)| m.opportunity == o.id).count(),
            }
        })
        .collect();
    print_rows(
        &rows,
        args.format,
        &["WIN", "ACCOUNT", "STAGE", "STATUS", "ACR/MO", "CLOSED", "PLAN", "MILESTONES"],
        |r| {
            [
                r.title.clone(),
                r.account.clone(),
                r.stage.to_string(),
                r.status.to_owned(),
                dollars_text(r.monthly_acr),
                r.closed_on.map(|d| d.to_string()).unwrap_or_default(),
                match (r.status, r.plan_agreed_on) {
                    ("won", Some(day)) => format!("agreed {day}"),
                    ("won", None) => "NO PLAN".to_owned(),
                    _ => String::new(),
                },
                r.milestones.to_string(),
            ]
        },
    )
}

#[derive(Serialize)]
struct MilestoneRow {
    id: i64,
    crm_id: String,
    win: String,
    account: String,
    workload: String,
    owner: String,
    due_on: Option<NaiveDate>,
    expected_acr: Option<i64>,
    committed: bool,
    state: &'static str,
    evidence_on: Option<NaiveDate>,
    evidence: String,
    /// Committed, due within 30 days, no evidence in 14.
    stale: bool,
}

pub fn milestones(command: MilestonesCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    match command {
        MilestonesCommand::List { due_within, state, format } => {
            let store = open_existing(db)?;
            let conn = store.conn();
            let state = state
                .as_deref()
                .map(|s| {
                    MilestoneState::parse(s)
                        .with_context(|| format!("state: “{s}” is not one of {}", MilestoneState::keys()))
                })
                .transpose()?;
            let horizon =
                due_within.map(|days| today.checked_add_days(Days::new(u64::from(days))).unwrap_or(today));
            let opportunities = store::opportunities::list_all(conn)?;
            let accounts = store::accounts::list(conn)?;
            let architects = store::architects::list(conn)?;
            let rows: Vec<MilestoneRow> = store::milestones::list_all(conn)?
                .into_iter()
                .filter(|(m, _)| state.is_none_or(|s| m.fields.state == s))
                .filter(|(m, _)| {
                    horizon
                        .is_none_or(|h| m.fields.state.is_open() && m.fields.due_on.is_some_and(|d| d <= h))
                })
                .map(|(m, win_status)| {
                    let win = opportunities.iter().find(|o| o.id == m.opportunity);
                    let f = &m.fields;
                    MilestoneRow {
                        id: m.id.0,
                        crm_id: f.crm_id.clone(),
                        win: win.map_or_else(String::new, |o| o.fields.title.clone()),
                        account: win
                            .and_then(|o| accounts.iter().find(|a| a.id == o.fields.account))
                            .map_or_else(String::new, |a| a.fields.name.clone()),
                        workload: f.workload.clone(),
                        owner: match &f.owner {
                            Owner::Nobody => String::new(),
                            Owner::Architect(id) => names_of(&architects, &[*id]),
                            Owner::Partner(name) => name.clone(),
                        },
                        due_on: f.due_on,
                        expected_acr: f.expected_acr,
                        committed: f.committed,
                        state: f.state.key(),
                        evidence_on: f.evidence_on,
                        evidence: f.evidence.clone(),
                        stale: MilestoneFacts::of(&m, win_status).is_stale_commitment(today),
                    }
                })
                .collect();
            print_rows(
                &rows,
                format,
                &["MILESTONE", "WIN", "OWNER", "DUE", "ACR/MO", "COMMITTED", "STATE", "EVIDENCE"],
                |r| {
                    [
                        r.workload.clone(),
                        r.win.clone(),
                        r.owner.clone(),
                        r.due_on.map(|d| d.to_string()).unwrap_or_default(),
                        r.expected_acr.map(dollars_text).unwrap_or_default(),
                        if r.committed { "yes".to_owned() } else { "no".to_owned() },
                        r.state.to_owned(),
                        match (r.evidence_on, r.stale) {
                            (Some(day), true) => format!("{day} (stale)"),
                            (Some(day), false) => day.to_string(),
                            (None, true) => "none (stale)".to_owned(),
                            (None, false) => String::new(),
                        },
                    ]
                },
            )?;
        }
        MilestonesCommand::Add(args) => {
            let mut session = session(db, today)?;
            let conn = session.conn();
            let all = store::opportunities::list_all(conn)?;
            let win = find_opportunity(&all, &args.win)?.id;
            let team = store::architects::list(conn)?;
            let owner = match (&args.owner, &args.partner) {
                (Some(name), _) => Owner::Architect(super::development::find_architect(&team, name)?.id),
                (None, Some(partner)) => Owner::Partner(partner.clone()),
                (None, None) => Owner::Nobody,
            };
            let evidence_on = if args.evidence.trim().is_empty() && args.evidence_on.is_none() {
                None
            } else {
                Some(day_or_today("evidence date", args.evidence_on.as_deref(), today)?)
            };
            let fields = MilestoneFields {
                workload: args.workload.clone(),
                owner,
                due_on: args.due.as_deref().map(|d| text::parse_date("due date", d)).transpose()?,
                expected_acr: args.acr.as_deref().map(|a| parse_dollars("expected ACR", a)).transpose()?,
                committed: args.committed,
                state: MilestoneState::parse(&args.state).with_context(|| {
                    format!("state: “{}” is not one of {}", args.state, MilestoneState::keys())
                })?,
                evidence: args.evidence.clone(),
                evidence_on,
                crm_id: args.crm_id.clone(),
            };
            let done = sent(&mut session, BusinessCommand::AddMilestone { win, fields })?;
            println!("{}", done.message);
        }
    }
    Ok(ExitCode::SUCCESS)
}
