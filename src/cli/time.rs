//! `leadline time`: log time and print a week's or a quarter's split against its target.

use std::process::ExitCode;
use std::str::FromStr as _;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use serde::Serialize;

use super::output::{Format, aligned};
use super::{open_existing, session};
use crate::model::architect::Choice as _;
use crate::model::duration::{format_minutes, parse_minutes};
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::split::{Category, DriftStatus, RebalanceHint, Split, Targets, drift_sentence};
use crate::model::text;
use crate::model::time_entry::{TimeEntryFields, match_architect, parse_start_time};
use crate::model::time_summary::{WeekBar, hours_text, quarter_months, share_text, targets_text};
use crate::session::{Command, Done, Origin, Session};
use crate::store::{self, Store};

#[derive(Debug, Subcommand)]
pub enum TimeCommand {
    /// Log a block of your own time.
    Add(AddTime),
    /// Hours and shares per category against the target, for a week or a fiscal quarter.
    Summary(Summary),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("length").required(true).args(["minutes", "duration"])))]
pub struct AddTime {
    /// The day, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// Whole minutes, e.g. 90.
    #[arg(long, allow_hyphen_values = true)]
    minutes: Option<String>,
    /// A duration as typed in the app: 90, 90m, 1h30, 1.5h or 1:30.
    #[arg(long, allow_hyphen_values = true)]
    duration: Option<String>,
    /// coaching, market or business (or 1, 2, 3).
    #[arg(long)]
    category: String,
    /// What the time was spent on.
    #[arg(long, default_value = "")]
    note: String,
    /// The architect it was spent with, by name (a unique start of a name is enough).
    #[arg(long)]
    architect: Option<String>,
    /// When it started: 09:30, 930, 9 (09:00), 14h or 2pm.
    #[arg(long)]
    start: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("period").args(["week", "quarter"])))]
pub struct Summary {
    /// An ISO week, e.g. 2026-W48 (default: this week).
    #[arg(long)]
    week: Option<String>,
    /// A fiscal quarter, e.g. FY27Q2 or "FY27 Q2".
    #[arg(long)]
    quarter: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(command: TimeCommand, db_path: &std::path::Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    match command {
        TimeCommand::Add(args) => add(args, &mut session(db_path, today)?, today),
        TimeCommand::Summary(args) => summary(&args, &open_existing(db_path)?, today),
    }
}

fn add(args: AddTime, session: &mut Session, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let date = match &args.date {
        Some(date) => text::parse_date("date", date)?,
        None => today,
    };
    let minutes = match (&args.minutes, &args.duration) {
        (Some(minutes), _) => whole_minutes(minutes)?,
        (None, Some(duration)) => parse_minutes(duration).map_err(|e| anyhow::anyhow!("duration: {e}"))?,
        (None, None) => bail!("give the time spent with --minutes 90 or --duration 1h30"),
    };
    let category = Category::from_str(&args.category)?;
    let start_time = args.start.as_deref().map(parse_start_time).transpose()?;
    let architects = store::architects::list(session.conn())?;
    let architect = match &args.architect {
        Some(name) if name.trim().is_empty() => bail!("architect: give a name or leave out --architect"),
        Some(name) => match_architect(&architects, name)?.map(|a| a.id),
        None => None,
    };
    let fields = TimeEntryFields {
        start_time,
        architect,
        ..TimeEntryFields::manual(date, minutes, category, args.note)
    };
    let Done::TimeEntryAdded(entry) = session.run(Origin::COMMAND_LINE, Command::AddTimeEntry(fields))?
    else {
        bail!("unexpected result logging time");
    };
    let f = &entry.fields;
    let with = f
        .architect
        .and_then(|id| architects.iter().find(|a| a.id == id))
        .map(|a| format!(" with {}", a.name()))
        .unwrap_or_default();
    println!(
        "Logged {} of {} on {} {}{with} (entry #{})",
        format_minutes(f.minutes),
        f.category,
        f.date.format("%a"),
        f.date,
        entry.id
    );
    let settings = store::time::time_settings(session.conn())?;
    let week = store::time::week_summary(session.conn(), IsoWeek::of(f.date), &settings)?;
    let shares: Vec<String> =
        Category::ALL.iter().map(|&c| format!("{} {}", c.label(), share_text(&week.total, c))).collect();
    println!("Week {} so far: {}; {}", week.week, hours_text(week.total.total()), shares.join(", "));
    Ok(ExitCode::SUCCESS)
}

/// `--minutes` takes whole minutes only; other forms belong to `--duration`.
fn whole_minutes(value: &str) -> anyhow::Result<u32> {
    let trimmed = value.trim();
    if trimmed.starts_with('-') {
        bail!("minutes: {trimmed} is negative; give the time spent, e.g. --minutes 30");
    }
    trimmed.parse::<u32>().with_context(|| {
        format!("minutes: {trimmed:?} is not a whole number of minutes (for 1h30 or 1.5h use --duration)")
    })
}

/// The numbers a summary prints, whatever the format.
struct Report {
    kind: &'static str,
    label: String,
    first_day: NaiveDate,
    last_day: NaiveDate,
    targets_quarter: FiscalQuarter,
    targets: Targets,
    split: Split,
    drift: String,
    rebalance: Option<String>,
    weeks: Vec<WeekBar>,
}

fn summary(args: &Summary, store: &Store, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let conn = store.conn();
    let settings = store::time::time_settings(conn)?;
    let report = if let Some(quarter) = &args.quarter {
        let quarter = FiscalQuarter::from_str(quarter)?;
        let summary = store::time::quarter_summary(conn, quarter, &settings, today)?;
        let rebalance = match &summary.rebalance {
            RebalanceHint::Plan(plan) => Some(plan.summary()),
            RebalanceHint::NoPace | RebalanceHint::QuarterOver => None,
        };
        Report {
            kind: "quarter",
            label: format!("{quarter} ({})", quarter_months(quarter, settings.start_month)),
            first_day: summary.start,
            last_day: summary.end,
            targets_quarter: quarter,
            targets: summary.targets,
            split: summary.total,
            drift: summary.drift_sentence(),
            rebalance,
            weeks: summary.weeks,
        }
    } else {
        let week = match &args.week {
            Some(week) => IsoWeek::from_str(week)?,
            None => IsoWeek::of(today),
        };
        let summary = store::time::week_summary(conn, week, &settings)?;
        Report {
            kind: "week",
            label: format!(
                "Week {week} ({} – {})",
                week.monday().format("%a %-d %b"),
                week.sunday().format("%a %-d %b %Y")
            ),
            first_day: week.monday(),
            last_day: week.sunday(),
            targets_quarter: summary.quarter,
            targets: summary.targets,
            split: summary.total,
            drift: drift_sentence(&summary.total, &summary.targets, "week"),
            rebalance: None,
            weeks: Vec::new(),
        }
    };
    print!("{}", render(&report, args.format)?);
    Ok(ExitCode::SUCCESS)
}

fn status_key(split: &Split, category: Category, targets: &Targets) -> &'static str {
    if split.total() == 0 {
        return "no_data";
    }
    match split.status(category, targets) {
        DriftStatus::OnTrack => "on_track",
        DriftStatus::Over => "over",
        DriftStatus::Under => "under",
    }
}

/// One decimal, so 33.333… prints as 33.3 in CSV and JSON.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[derive(Serialize)]
struct JsonLine {
    category: &'static str,
    label: &'static str,
    minutes: u32,
    hours: f64,
    share_pct: f64,
    target_pct: u32,
    drift_points: f64,
    status: &'static str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    kind: &'a str,
    period: String,
    first_day: NaiveDate,
    last_day: NaiveDate,
    targets_quarter: String,
    targets: Targets,
    total_minutes: u32,
    total_hours: f64,
    categories: Vec<JsonLine>,
    drift: &'a str,
    rebalance: Option<&'a str>,
}

fn render(report: &Report, format: Format) -> anyhow::Result<String> {
    let Report { split, targets, .. } = report;
    let lines: Vec<JsonLine> = Category::ALL
        .iter()
        .map(|&category| JsonLine {
            category: category.key(),
            label: category.label(),
            minutes: split.minutes(category),
            hours: one_decimal(f64::from(split.minutes(category)) / 60.0),
            share_pct: one_decimal(split.share_pct(category)),
            target_pct: targets.pct(category),
            drift_points: one_decimal(split.drift(category, targets)),
            status: status_key(split, category, targets),
        })
        .collect();
    let period = report.label.split(" (").next().unwrap_or_default().trim_start_matches("Week ").to_owned();
    match format {
        Format::Json => {
            let json = JsonReport {
                kind: report.kind,
                period,
                first_day: report.first_day,
                last_day: report.last_day,
                targets_quarter: report.targets_quarter.to_string(),
                targets: *targets,
                total_minutes: split.total(),
                total_hours: one_decimal(f64::from(split.total()) / 60.0),
                categories: lines,
                drift: &report.drift,
                rebalance: report.rebalance.as_deref(),
            };
            Ok(serde_json::to_string_pretty(&json)? + "\n")
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record([
                "period",
                "category",
                "minutes",
                "hours",
                "share_pct",
                "target_pct",
                "drift_points",
                "status",
            ])?;
            for line in &lines {
                writer.write_record([
                    period.as_str(),
                    line.category,
                    &line.minutes.to_string(),
                    &format!("{:.1}", line.hours),
                    &format!("{:.1}", line.share_pct),
                    &line.target_pct.to_string(),
                    &format!("{:.1}", line.drift_points),
                    line.status,
                ])?;
            }
            let total = split.total();
            let total_share = if total == 0 { "0.0" } else { "100.0" };
            writer.write_record([
                period.as_str(),
                "total",
                &total.to_string(),
                &format!("{:.1}", f64::from(total) / 60.0),
                total_share,
                "100",
                "",
                "",
            ])?;
            Ok(String::from_utf8(writer.into_inner()?)?)
        }
        Format::Table => Ok(table(report, &lines)),
    }
}

fn table(report: &Report, lines: &[JsonLine]) -> String {
    let Report { split, targets, .. } = report;
    let mut out = format!(
        "{}: {} logged, against the {} targets ({})\n\n",
        report.label,
        hours_text(split.total()),
        report.targets_quarter,
        targets_text(targets)
    );
    let mut rows: Vec<[String; 6]> = lines
        .iter()
        .map(|line| {
            let category = Category::from_key(line.category).unwrap_or(Category::Coaching);
            [
                line.label.to_owned(),
                hours_text(line.minutes),
                share_text(split, category),
                format!("{} %", line.target_pct),
                if split.total() == 0 { String::new() } else { format!("{:+.0}", line.drift_points.round()) },
                line.status.replace('_', " "),
            ]
        })
        .collect();
    rows.push([
        "Total".to_owned(),
        hours_text(split.total()),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    out.push_str(&aligned(&["CATEGORY", "HOURS", "SHARE", "TARGET", "DRIFT", "STATUS"], &rows));
    out.push('\n');
    out.push_str(&report.drift);
    out.push('\n');
    if let Some(rebalance) = &report.rebalance {
        out.push_str(rebalance);
        out.push('\n');
    }
    if !report.weeks.is_empty() {
        out.push('\n');
        let rows: Vec<[String; 5]> = report
            .weeks
            .iter()
            .map(|bar| {
                let share = |category| {
                    if bar.split.total() == 0 { "-".to_owned() } else { share_text(&bar.split, category) }
                };
                [
                    bar.week.to_string(),
                    hours_text(bar.split.total()),
                    share(Category::Coaching),
                    share(Category::Market),
                    share(Category::Business),
                ]
            })
            .collect();
        out.push_str(&aligned(&["WEEK", "HOURS", "COACHING", "MARKET", "BUSINESS"], &rows));
    }
    out
}
