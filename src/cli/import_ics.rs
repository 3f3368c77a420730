//! `leadline import ics FILE`: reads an exported calendar, prints the preview (every
//! occurrence with its proposed category and rule, and what would change), and unless
//! `--dry-run` commits it into time entries, all or nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::import::preview::Preview;
use crate::import::zones::{self, Zone};
use crate::model::fiscal::{self, FiscalQuarter};
use crate::model::words::plural;
use crate::session::{Clock, Command, Origin, Session, calendar};
use crate::store;

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The exported calendar (.ics from Outlook, Google or Apple Calendar).
    pub file: PathBuf,
    /// First day to import (YYYY-MM-DD). Default: the first day of the current fiscal quarter.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Last day to import, included (YYYY-MM-DD). Default: the last day of the current quarter.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Print the preview only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Keep entries imported before whose events are not in this file (they came from
    /// another calendar) instead of removing them.
    #[arg(long)]
    pub keep_gone: bool,
    #[arg(long, value_enum, default_value_t = IcsFormat::Table)]
    pub format: IcsFormat,
    /// The time zone days are counted in (IANA name, e.g. Europe/Berlin). Default: this
    /// computer's zone.
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IcsFormat {
    Table,
    /// One occurrence a line: `start`, `end`, `duration_minutes`, `summary`, `status`, `transp`
    /// (as the test fixtures' `.expected.tsv`), then category, rule and change.
    Tsv,
    Json,
}

pub fn run(db: &Path, args: &IcsArgs, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let zone = zone(args)?;
    // A dry run on a file that does not exist yet previews with the default rules and writes
    // nothing, not even an empty database.
    let mut session = if db.exists() || !args.dry_run {
        Some(Session::without_view(super::open(db)?, Clock::Fixed(today), zone.clone()))
    } else {
        None
    };
    let start_month = match &session {
        Some(session) => store::time::time_settings(session.conn())?.start_month,
        None => fiscal::DEFAULT_START_MONTH,
    };
    let quarter = FiscalQuarter::of(today, start_month);
    let from = args.from.unwrap_or_else(|| quarter.start(start_month));
    let last = args.to.unwrap_or_else(|| quarter.end_inclusive(start_month));
    if last < from {
        bail!("--to {last} is before --from {from}");
    }
    let window = calendar::window(from, last, zone)?;
    let not_imported = || format!("{} was not imported", args.file.display());
    let mut preview = match &session {
        Some(session) => session.import_preview(&bytes, &window).with_context(not_imported)?,
        None => calendar::preview_without_database(&bytes, &window).with_context(not_imported)?,
    };
    preview.keep_gone = args.keep_gone;
    print_preview(&preview, args.format)?;
    let full_days = preview.full_days();
    for day in &full_days {
        eprintln!("warning: {day}");
    }
    let mut pairs: Vec<(usize, usize)> =
        preview.double_booked().into_iter().map(|(a, b)| (a.min(b), a.max(b))).collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (first, second) in pairs {
        let (Some(a), Some(b)) = (preview.rows.get(first), preview.rows.get(second)) else { continue };
        let at = |row: &crate::import::preview::Row| {
            row.local_start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
        };
        eprintln!(
            "warning: double-booked on {}: \"{}\" at {} and \"{}\" at {} both count in full",
            a.local_date,
            a.occurrence.summary.trim(),
            at(a),
            b.occurrence.summary.trim(),
            at(b)
        );
    }
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    if !full_days.is_empty() {
        bail!(
            "nothing was imported: {} would hold more than 24 h. Double-booked meetings count twice: \
             decline or delete the one you did not attend, or add a rule that ignores it, then import again.",
            plural(full_days.len(), "day")
        );
    }
    let Some(session) = session.as_mut() else { bail!("no database to import into") };
    let plan = preview.plan();
    // The same command the app sends: the session takes the backup before writing.
    session.run(Origin::COMMAND_LINE, Command::ImportCalendar { plan: plan.clone(), folder: None })?;
    let counts = preview.counts();
    eprintln!(
        "Imported {}: {} new, {} changed, {} removed, {} unchanged. {} occurrences match no rule and were \
         not imported: assign them in the app or add a rule.",
        args.file.display(),
        plan.inserts.len(),
        plan.updates.len(),
        plan.deletes.len(),
        counts.unchanged,
        counts.unassigned
    );
    Ok(ExitCode::SUCCESS)
}

/// The zone days are counted in: `--zone`, or this computer's.
fn zone(args: &IcsArgs) -> anyhow::Result<Zone> {
    Ok(match &args.zone {
        Some(name) => match zones::known(name) {
            Some(tz) => Zone::Iana(tz),
            None => bail!("--zone {name:?} is not a time zone (expected an IANA name such as Europe/Berlin)"),
        },
        None => zones::local(),
    })
}

fn print_preview(preview: &Preview, format: IcsFormat) -> anyhow::Result<()> {
    match format {
        IcsFormat::Json => println!("{}", serde_json::to_string_pretty(preview)?),
        IcsFormat::Tsv => {
            let mut out = String::from(
                "start\tend\tduration_minutes\tsummary\tstatus\ttransp\tcategory\trule\tchange\n",
            );
            // One line per occurrence: a multi-day all-day event's first day stands for it.
            for row in preview.rows.iter().filter(|row| row.is_first_part()) {
                let o = &row.occurrence;
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    o.start,
                    o.end,
                    o.duration_minutes,
                    escape(&o.summary),
                    o.status,
                    o.transp,
                    row.category_label(),
                    escape(&row.rule_label()),
                    row.change.label()
                );
            }
            print!("{out}");
        }
        IcsFormat::Table => {
            let rows: Vec<[String; 7]> = preview
                .rows
                .iter()
                .map(|row| {
                    [
                        row.local_date.to_string(),
                        row.local_start.map_or_else(|| "all day".into(), |t| t.format("%H:%M").to_string()),
                        row.minutes.to_string(),
                        row.occurrence.summary.chars().take(48).collect(),
                        row.category_label().to_owned(),
                        row.rule_label(),
                        row.change.label().to_owned(),
                    ]
                })
                .collect();
            print!(
                "{}",
                super::output::aligned(
                    &["Date", "Start", "Minutes", "Title", "Category", "Rule", "Change"],
                    &rows
                )
            );
            if !preview.other_calendars.is_empty() {
                println!(
                    "{} entries from other calendars in these days are left as they are (this calendar: {})",
                    preview.other_calendars.len(),
                    preview.calendar
                );
            }
            for entry in &preview.gone {
                println!(
                    "gone from the calendar, will be {}: {} {} ({} min)",
                    if preview.keep_gone { "kept" } else { "removed" },
                    entry.entry_date,
                    entry.description,
                    entry.minutes
                );
            }
            let c = preview.counts();
            println!(
                "{} occurrences from {} to {}: {} new, {} changed, {} unchanged, {} to remove, {} ignored, {} unassigned",
                c.occurrences,
                preview.from,
                preview.to.pred_opt().unwrap_or(preview.to),
                c.new,
                c.changed,
                c.unchanged,
                c.removed,
                c.ignored,
                c.unassigned
            );
        }
    }
    for warning in &preview.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n")
}
