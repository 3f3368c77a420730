//! `leadline import csv FILE --kind opportunities|milestones`: reads a CRM export with a column
//! mapping, prints the preview (every row: new, changed and which fields, or unchanged), and
//! unless `--dry-run` commits it, all or nothing, after a backup. Re-importing updates by CRM
//! id and never duplicates. Every problem is named by row and field, and nothing is written.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::output::aligned;
use crate::import::business_csv::{CsvKind, CsvPreview, RowChange, parse_mapping};
use crate::import::zones;
use crate::session::{BusinessCommand, Clock, Command, Done, Origin, Session};

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The CSV file; its first row names the columns.
    pub file: PathBuf,
    /// What the rows are.
    #[arg(long, value_enum)]
    pub kind: CsvKind,
    /// Which column holds a field, as FIELD=COLUMN (repeat for each); columns named like a
    /// field (`crm_id`, `title`, `monthly_acr`…) need none.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub map: Vec<String>,
    /// Columns that are no field of the kind are left out instead of refusing the file.
    #[arg(long)]
    pub ignore_extra_columns: bool,
    /// Print the preview only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = PreviewFormat::Table)]
    pub format: PreviewFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreviewFormat {
    Table,
    Json,
}

pub fn run(db: &Path, args: &CsvArgs, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let mapping = parse_mapping(args.kind, &args.map).map_err(anyhow::Error::msg)?;
    if !db.exists() {
        bail!(
            "there is no database at {} (create one with `leadline demo` or `leadline team add`)",
            db.display()
        );
    }
    let mut session = Session::without_view(super::open(db)?, Clock::Fixed(today), zones::local());
    let preview = match session.csv_preview(&bytes, args.kind, &mapping, args.ignore_extra_columns) {
        Ok(preview) => preview,
        Err(problems) => {
            eprintln!("{} was not imported; nothing was written:", args.file.display());
            for problem in &problems {
                eprintln!("  {problem}");
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    match args.format {
        PreviewFormat::Json => println!("{}", serde_json::to_string_pretty(&preview)?),
        PreviewFormat::Table => print!("{}", preview_text(&preview)),
    }
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    if preview.plan.is_empty() {
        if args.format == PreviewFormat::Table {
            println!("Nothing to import: every row is as stored.");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let plan = preview.plan;
    match session.run(Origin::COMMAND_LINE, Command::Business(BusinessCommand::ImportCsv(Box::new(plan))))? {
        Done::Business(done) if args.format == PreviewFormat::Table => {
            println!("{} (a backup was taken first)", done.message);
        }
        _ => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// The preview as a table: the counts, the accounts it creates, the columns left out, and a
/// line per row.
pub fn preview_text(preview: &CsvPreview) -> String {
    let mut out = format!("{}\n", preview.summary());
    if !preview.new_accounts.is_empty() {
        let _ = writeln!(out, "New accounts: {}", preview.new_accounts.join(", "));
    }
    if !preview.ignored_columns.is_empty() {
        let _ = writeln!(out, "Columns left out: {}", preview.ignored_columns.join(", "));
    }
    let rows: Vec<[String; 5]> = preview
        .rows
        .iter()
        .map(|r| {
            let fields = match &r.change {
                RowChange::Changed { fields } => fields.join(", "),
                _ => String::new(),
            };
            [r.line.to_string(), r.crm_id.clone(), r.label.clone(), r.change.label().to_owned(), fields]
        })
        .collect();
    out.push_str(&aligned(&["ROW", "CRM ID", "NAME", "CHANGE", "FIELDS"], &rows));
    out
}
