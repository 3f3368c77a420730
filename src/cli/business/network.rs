//! `leadline network|interactions|consumption|scorecard`: the business network and the
//! quarter's scorecard from the command line.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::super::output::{Format, aligned};
use super::super::{open_existing, session};
use super::{day_or_today, find_one, print_rows, sent};
use crate::model::architect::Choice as _;
use crate::model::business::money::{dollars_text, parse_dollars};
use crate::model::business::records::parse_month;
use crate::model::business::scorecard::value_plain;
use crate::model::business::{Scorecard, Touch};
use crate::model::fiscal::FiscalQuarter;
use crate::session::{BusinessCommand, BusinessView};
use crate::store;

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum NetworkCommand {
    /// Contacts due a word: past their ideal interval (those past the maximum first).
    Due {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum InteractionsCommand {
    /// Record an interaction with a contact of the network.
    Add {
        /// The contact, by name (a unique part is enough).
        #[arg(long)]
        contact: String,
        /// The day (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConsumptionCommand {
    /// Record what an account consumed in a month.
    Add {
        #[arg(long)]
        account: String,
        /// The month, YYYY-MM.
        #[arg(long)]
        month: String,
        /// Dollars consumed (42000, 42k).
        #[arg(long, allow_hyphen_values = true)]
        acr: String,
    },
}

#[derive(Debug, Args)]
pub struct ScorecardArgs {
    /// The fiscal quarter, e.g. FY27Q2 (default: this one).
    #[arg(long)]
    quarter: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A contact due a word, as listed.
#[derive(Serialize)]
struct ContactDueRow<'a> {
    id: i64,
    name: &'a str,
    organisation: &'a str,
    kind: &'static str,
    role: &'a str,
    email: &'a str,
    last_interaction: Option<NaiveDate>,
    days_since: i64,
    ideal_days: u32,
    max_days: u32,
    standing: &'static str,
}

pub fn network(command: NetworkCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let NetworkCommand::Due { format } = command;
    let store = open_existing(db)?;
    let view = BusinessView::load(store.conn(), today)?;
    let rows: Vec<ContactDueRow<'_>> = view
        .contacts_due()
        .into_iter()
        .map(|c| {
            let f = &c.contact.fields;
            ContactDueRow {
                id: c.contact.id.0,
                name: &f.name,
                organisation: &f.organisation,
                kind: f.kind.key(),
                role: &f.role,
                email: &f.email,
                last_interaction: c.last,
                days_since: c.status.days_since,
                ideal_days: f.ideal_days,
                max_days: f.max_days,
                standing: if c.status.touch == Touch::PastMax { "past_max" } else { "due" },
            }
        })
        .collect();
    print_rows(
        &rows,
        format,
        &["CONTACT", "ORGANISATION", "KIND", "LAST", "DAYS", "IDEAL/MAX", "STANDING"],
        |r| {
            [
                r.name.to_owned(),
                r.organisation.to_owned(),
                r.kind.to_owned(),
                r.last_interaction.map_or_else(|| "never".to_owned(), |d| d.to_string()),
                r.days_since.to_string(),
                format!("{}/{}", r.ideal_days, r.max_days),
                r.standing.replace('_', " "),
            ]
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn interactions(command: InteractionsCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let InteractionsCommand::Add { contact, date, note } = command;
    let mut session = session(db, today)?;
    let all = store::contacts::list(session.conn())?;
    let contact = find_one(&all, |c| c.fields.name.as_str(), &contact, "contact")?.id;
    let on = day_or_today("date", date.as_deref(), today)?;
    let done = sent(&mut session, BusinessCommand::AddInteraction { contact, on, note })?;
    println!("{}", done.message);
    Ok(ExitCode::SUCCESS)
}

pub fn consumption(command: ConsumptionCommand, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let ConsumptionCommand::Add { account, month, acr } = command;
    let mut session = session(db, today)?;
    let accounts = store::accounts::list(session.conn())?;
    let account = find_one(&accounts, |a| a.fields.name.as_str(), &account, "account")?.id;
    let month = parse_month("month", &month)?;
    let dollars = parse_dollars("acr", &acr)?;
    let done =
        sent(&mut session, BusinessCommand::SetConsumption { account, month, dollars: Some(dollars) })?;
    println!("{}", done.message);
    Ok(ExitCode::SUCCESS)
}

pub fn scorecard(args: &ScorecardArgs, db: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let start_month = store::time::time_settings(store.conn())?.start_month;
    let quarter = match &args.quarter {
        Some(q) => q.parse::<FiscalQuarter>()?,
        None => FiscalQuarter::of(today, start_month),
    };
    let card = store::scorecard::scorecard(store.conn(), quarter, today)?;
    print!("{}", scorecard_text(&card, args.format)?);
    Ok(ExitCode::SUCCESS)
}

/// One line of the scorecard as printed: a target, a standard or a pipeline stage.
#[derive(Serialize)]
struct ScoreLine {
    section: &'static str,
    name: String,
    unit: String,
    target: String,
    actual: String,
    /// `records` (derived), `typed`, or empty.
    source: &'static str,
    pct_of_target: Option<f64>,
}

fn pct(value: Option<f64>) -> Option<f64> {
    value.map(|v| (v * 10.0).round() / 10.0)
}

fn score_lines(card: &Scorecard) -> Vec<ScoreLine> {
    let mut lines: Vec<ScoreLine> = card
        .lines
        .iter()
        .map(|l| ScoreLine {
            section: "target",
            name: l.name.clone(),
            unit: l.unit.clone(),
            target: value_plain(l.kind, l.target),
            actual: l.actual().map(|a| value_plain(l.kind, a)).unwrap_or_default(),
            source: match (l.derived, l.typed) {
                (Some(_), _) => "records",
                (None, Some(_)) => "typed",
                (None, None) => "",
            },
            pct_of_target: pct(l.pct_of_target()),
        })
        .collect();
    let s = &card.standards;
    let standard = |name: &str, target: &str, actual: String, pct_of_target: Option<f64>| ScoreLine {
        section: "standard",
        name: name.to_owned(),
        unit: String::new(),
        target: target.to_owned(),
        actual,
        source: "records",
        pct_of_target: pct(pct_of_target),
    };
    lines.push(standard(
        "Consumption-plan coverage (wins this fiscal year with an agreed plan)",
        "100 %",
        format!("{} of {}", s.coverage.with_plan, s.coverage.wins),
        s.coverage.pct(),
    ));
    lines.push(standard(
        "Committed milestones due within 30 days without evidence in 14 days",
        "0",
        s.stale_commitments.len().to_string(),
        None,
    ));
    lines.push(standard(
        "One-on-one cadence kept",
        "100 %",
        format!("{} of {}", s.cadence.kept, s.cadence.due),
        s.cadence.pct(),
    ));
    lines.push(standard(
        "Contacts past their maximum interval",
        "0",
        s.contacts_past_max.len().to_string(),
        None,
    ));
    for stage in &card.pipeline {
        lines.push(ScoreLine {
            section: "pipeline",
            name: stage.stage.label().to_owned(),
            unit: "$/month".to_owned(),
            target: String::new(),
            actual: format!("{} open, {}", stage.count, dollars_text(stage.monthly_acr)),
            source: "records",
            pct_of_target: None,
        });
    }
    lines
}

/// The scorecard as printed in `format`.
pub fn scorecard_text(card: &Scorecard, format: Format) -> anyhow::Result<String> {
    let lines = score_lines(card);
    Ok(match format {
        Format::Json => {
            #[derive(Serialize)]
            struct Json<'a> {
                quarter: String,
                as_of: NaiveDate,
                lines: &'a [ScoreLine],
            }
            serde_json::to_string_pretty(&Json {
                quarter: card.quarter.to_string(),
                as_of: card.as_of,
                lines: &lines,
            })? + "\n"
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for line in &lines {
                writer.serialize(line)?;
            }
            String::from_utf8(writer.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error()))?)?
        }
        Format::Table => {
            let mut out = format!("Scorecard {} (as of {})\n\n", card.quarter, card.as_of);
            let table = |section: &str| -> Vec<[String; 5]> {
                lines
                    .iter()
                    .filter(|l| l.section == section)
                    .map(|l| {
                        [
                            l.name.clone(),
                            l.target.clone(),
                            l.actual.clone(),
                            l.pct_of_target.map(|p| format!("{p:.0} %")).unwrap_or_default(),
                            l.source.to_owned(),
                        ]
                    })
                    .collect()
            };
            let targets = table("target");
            if targets.is_empty() {
                let _ = writeln!(out, "No targets set for {}.", card.quarter);
            } else {
                out.push_str(&aligned(&["TARGET", "GOAL", "ACTUAL", "% OF GOAL", "FROM"], &targets));
            }
            out.push('\n');
            out.push_str(&aligned(
                &["OPERATIONAL STANDARD", "GOAL", "ACTUAL", "%", "FROM"],
                &table("standard"),
            ));
            out.push('\n');
            let pipeline: Vec<[String; 2]> = lines
                .iter()
                .filter(|l| l.section == "pipeline")
                .map(|l| [l.name.clone(), l.actual.clone()])
                .collect();
            out.push_str(&aligned(&["PIPELINE STAGE", "OPEN"], &pipeline));
            out
        }
    })
}
