//! Data safety from the command line: backups, restore, JSON export and import, CSV export,
//! and the crash-test writer.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use super::output::{self, TableOrJson};
use crate::model::ArchitectFields;
use crate::model::words::human_size;
use crate::session::{Command, Done, Origin, Session};
use crate::store::{self, Store, backup, write_private};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Every record, as versioned JSON (the format is described in the README).
    Json {
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// One table as CSV, for spreadsheets.
    Csv {
        #[arg(value_enum)]
        what: CsvExport,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsvExport {
    /// The roster, everyone including those who left.
    Roster,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Load a JSON export into an empty database, all or nothing.
    Json { file: PathBuf },
    /// Import a calendar (.ics) as categorised time: prints the preview, then commits it
    /// (unless --dry-run), all or nothing. Importing again never duplicates.
    Ics(super::import_ics::IcsArgs),
    /// Import opportunities or milestones from a CSV file (a CRM export) with a column mapping:
    /// prints the preview, then commits it (unless --dry-run), all or nothing. Re-importing
    /// updates by CRM id and never duplicates.
    Csv(super::business_import::CsvArgs),
}

pub fn backup_now(session: &mut Session) -> anyhow::Result<ExitCode> {
    let info = session.back_up_now()?;
    println!("Backed up to {} ({} bytes, checked)", info.path.display(), info.size_bytes);
    Ok(ExitCode::SUCCESS)
}

pub fn list_backups(db: &Path, format: TableOrJson) -> anyhow::Result<ExitCode> {
    let backups = backup::list(db)?;
    match format {
        TableOrJson::Json => println!("{}", serde_json::to_string_pretty(&backups)?),
        TableOrJson::Table => {
            if backups.is_empty() {
                println!("No backups yet in {}", backup::backups_dir(db).display());
            }
            let rows: Vec<[String; 4]> = backups
                .iter()
                .map(|b| {
                    [
                        b.taken_at.format("%Y-%m-%d %H:%M:%S").to_string(),
                        human_size(b.size_bytes),
                        backup::Reason::label(&b.reason).to_owned(),
                        b.path.display().to_string(),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                print!("{}", output::aligned(&["TAKEN", "SIZE", "WHY", "FILE"], &rows));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Replaces the database with a backup, after backing up the current file. A damaged current
/// file cannot be backed up: it is kept, renamed, instead.
pub fn restore(db: &Path, file: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let clock = crate::session::Clock::Fixed(today);
    let zone = crate::import::zones::local();
    let (session, safety) = if db.exists() {
        match Store::open(db) {
            Ok(store) => {
                let mut session = Session::without_view(store, clock, zone);
                let restored = session.restore(file)?;
                (session, Some(restored.safety))
            }
            Err(error @ (store::StoreError::Corrupt { .. } | store::StoreError::NotADatabase { .. })) => {
                let moved = backup::move_aside(db, chrono::Local::now())?;
                eprintln!("{error}\nThe damaged file was moved aside to {}", moved.display());
                (Session::restore_in_place_of_damaged(db, file, clock, zone)?, None)
            }
            Err(error) => return Err(error).context("the current database must open before it is replaced"),
        }
    } else {
        (Session::restore_in_place_of_damaged(db, file, clock, zone)?, None)
    };
    let count = store::architects::list(session.conn())?.len();
    println!("Restored {} into {} ({count} architects)", file.display(), db.display());
    if let Some(info) = safety {
        println!("The previous data was backed up first to {}", info.path.display());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(session: &Session, command: ExportCommand) -> anyhow::Result<ExitCode> {
    let (text, out) = match command {
        ExportCommand::Json { out } => (session.export_json()?, out),
        ExportCommand::Csv { what: CsvExport::Roster, out } => (session.roster_csv()?, out),
    };
    match out {
        Some(path) => {
            write_private(&path, text.as_bytes())?;
            eprintln!("Wrote {}", path.display());
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(db: &Path, command: ImportCommand, today: chrono::NaiveDate) -> anyhow::Result<ExitCode> {
    let file = match command {
        ImportCommand::Json { file } => file,
        ImportCommand::Ics(args) => return super::import_ics::run(db, &args, today),
        ImportCommand::Csv(args) => return super::business_import::run(db, &args, today),
    };
    let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let document: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", file.display()))?;
    // A refused import into a file that did not exist leaves no empty database behind: what
    // opening it created is removed again.
    let created = Created::before_opening(db);
    let mut session = super::session(db, today)?;
    let imported = session.import_json(&document);
    let count = match imported {
        Ok(count) => count,
        Err(error) => {
            drop(session);
            created.remove();
            return Err(error)
                .with_context(|| format!("{} was not imported; nothing was changed", file.display()));
        }
    };
    println!("Imported {count} records from {} into {}", file.display(), db.display());
    Ok(ExitCode::SUCCESS)
}

/// The files and folders opening a database at a new path creates, noted before it is opened.
struct Created {
    files: Vec<PathBuf>,
    backups: Option<PathBuf>,
    /// New folders above the database, innermost first.
    folders: Vec<PathBuf>,
}

impl Created {
    fn before_opening(db: &Path) -> Self {
        if db.exists() {
            return Self { files: Vec::new(), backups: None, folders: Vec::new() };
        }
        let beside = |suffix: &str| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        let files = ["", "-wal", "-shm", "-journal", ".lock", ".checked"]
            .iter()
            .map(|suffix| beside(suffix))
            .filter(|path| !path.exists())
            .collect();
        let backups = Some(backup::backups_dir(db)).filter(|dir| !dir.exists());
        let folders = db
            .ancestors()
            .skip(1)
            .filter(|dir| !dir.as_os_str().is_empty())
            .take_while(|dir| !dir.exists())
            .map(Path::to_owned)
            .collect();
        Self { files, backups, folders }
    }

    /// Removes what was created; best effort, as the import's own error is what the user needs.
    fn remove(self) {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        if let Some(dir) = &self.backups {
            let _ = std::fs::remove_dir_all(dir);
        }
        for dir in &self.folders {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Adds architects one transaction at a time, printing each committed id: the crash test
/// kills this process at random moments and checks that every printed id survived.
pub fn write_loop(db: &Path, count: usize, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let mut session = super::session(db, today)?;
    let mut stdout = std::io::stdout().lock();
    for index in 0..count {
        let fields = ArchitectFields {
            name: format!("Crash test {index}"),
            // Long text fills pages (accounts are records since migration 0009, names capped).
            aspiration: "x".repeat(2_000),
            ..ArchitectFields::default()
        };
        let Done::ArchitectAdded(id) = session.run(Origin::COMMAND_LINE, Command::AddArchitect(fields))?
        else {
            bail!("unexpected outcome")
        };
        writeln!(stdout, "committed {id}")?;
        stdout.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
