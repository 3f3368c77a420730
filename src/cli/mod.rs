//! The command line: the same work as the GUI, headless, for scripting and tests.

mod bench;
mod bench_business;
mod bench_development;
mod bench_hiring;
mod bench_review;
mod bench_writes;
mod business;
mod business_import;
pub mod data;
mod development;
mod hiring;
mod import_ics;
mod measure;
mod output;
pub mod report;
pub mod review;
mod shell;
mod time;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::demo::DemoSize;
use crate::import::zones;
use crate::model::lists::{find_by_name, next_level};
use crate::model::{ArchitectFields, Cadence, ListItem, ListItemId, ListKind, Readiness, Status, text};
use crate::session::{Clock, Command, Done, Origin, Session};
use crate::store::{self, Store, check, lists};

pub use output::{Format, TableOrJson};

/// Leadline: one-on-ones, development plans and your own 50/30/20 time split, for a
/// technical sales manager. With no command it opens the app; with a calendar file, the app
/// opens on that file's import preview.
#[derive(Debug, Parser)]
#[command(name = "leadline", version, about, long_about = None)]
pub struct Cli {
    /// The database file (default: leadline.db in the OS data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Pretend today is this date (YYYY-MM-DD), for reproducible demos and tests.
    #[arg(long, global = true, value_name = "DATE", hide = true, value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,

    /// A calendar (.ics) to open in the app's import preview, as "Open with Leadline" does.
    /// A file named like a command is given as ./NAME.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Fill an empty database with a realistic demo team.
    Demo {
        #[arg(long, value_enum, default_value_t = DemoSize::Small)]
        size: DemoSize,
    },
    /// Check the database: integrity, foreign keys, schema version and row counts.
    /// Exits non-zero on a problem.
    Check {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
    },
    /// The team roster.
    #[command(subcommand)]
    Team(TeamCommand),
    /// Certifications across the team.
    #[command(subcommand)]
    Certs(development::CertsCommand),
    /// Your own time: log it and see the split against the 50/30/20 target.
    #[command(subcommand)]
    Time(time::TimeCommand),
    /// Customer accounts.
    #[command(subcommand)]
    Accounts(business::AccountsCommand),
    /// Opportunities and wins, with their consumption plans.
    #[command(subcommand)]
    Wins(business::WinsCommand),
    /// The milestones of the wins' consumption plans.
    #[command(subcommand)]
    Milestones(business::MilestonesCommand),
    /// Your business network: who is due a word.
    #[command(subcommand)]
    Network(business::NetworkCommand),
    /// Interactions with the contacts of your network.
    #[command(subcommand)]
    Interactions(business::InteractionsCommand),
    /// Actual consumption per account and month.
    #[command(subcommand)]
    Consumption(business::ConsumptionCommand),
    /// A fiscal quarter's targets against actuals and the operational standards.
    Scorecard(business::ScorecardArgs),
    /// Hiring: requisitions and their pages.
    #[command(subcommand)]
    Hiring(hiring::HiringCommandArgs),
    /// Candidates: delete those past their purge date, export one's record.
    #[command(subcommand)]
    Candidates(hiring::CandidatesCommand),
    /// Time the operations that must stay fast, on the large demo in a temporary file.
    Bench(bench::BenchArgs),
    /// Take a verified backup now (kept in the backups folder beside the database).
    Backup,
    /// List the backups, newest first.
    Backups {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
    },
    /// Replace the database with a backup (the current data is backed up first).
    Restore { file: PathBuf },
    /// Export records for other tools or another computer.
    #[command(subcommand)]
    Export(data::ExportCommand),
    /// Import an export into an empty database.
    #[command(subcommand)]
    Import(data::ImportCommand),
    /// Reports: the week's prep sheet, an architect's one-on-one history, a quarter's review.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Search notes, talking points and action items (accents and case do not matter).
    Search {
        /// Words to find; "quoted words" for an exact phrase.
        query: String,
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
        /// How many results to print at most (the newest).
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    #[command(flatten)]
    Shell(shell::ShellCommand),
    /// Crash-test helper: add COUNT architects one transaction at a time.
    #[command(hide = true)]
    WriteLoop { count: usize },
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// List architects (the current team; --all includes those who left).
    List {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Include architects who left.
        #[arg(long)]
        all: bool,
    },
    /// Add an architect.
    Add(AddArchitect),
    /// Show one architect: profile, development plan (with flags), skills and certifications.
    Show(development::ShowArgs),
}

#[derive(Debug, Args)]
pub struct AddArchitect {
    #[arg(long)]
    name: String,
    #[arg(long, default_value = "")]
    title: String,
    #[arg(long, default_value = "")]
    email: String,
    /// A level of the career ladder, by name.
    #[arg(long)]
    level: Option<String>,
    /// A solution area, by name.
    #[arg(long)]
    area: Option<String>,
    #[arg(long, value_enum, default_value_t = CadenceArg::Weekly)]
    cadence: CadenceArg,
    /// Start date on the team (YYYY-MM-DD).
    #[arg(long)]
    start: Option<String>,
    /// Accounts covered, comma-separated.
    #[arg(long, default_value = "")]
    accounts: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum CadenceArg {
    Weekly,
    Biweekly,
}

fn parse_date_arg(value: &str) -> Result<NaiveDate, String> {
    text::parse_date("date", value).map_err(|e| e.message)
}

impl Cli {
    /// Parses a command line as `leadline` does: clap's rules, and a FILE to open is refused
    /// beside a command (clap would take both and the command would quietly win).
    pub fn parse_checked<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let cli = Self::try_parse_from(args)?;
        if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
            return Err(<Self as clap::CommandFactory>::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{} is a file to open in the app; it cannot be given with a command", file.display()),
            ));
        }
        Ok(cli)
    }
}

/// Where the database lives when `--db` is not given.
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "Leadline")
        .context("cannot find a home directory for Leadline's data; pass --db PATH")?;
    Ok(dirs.data_dir().join("leadline.db"))
}

/// Runs a subcommand; the caller opens the GUI when there is none. `frames` is the frame
/// benchmark of `leadline bench --only frames`, handed in by the binary: it draws the app,
/// which lives above the command line.
pub fn run(cli: Cli, frames: bench::FrameBench) -> anyhow::Result<ExitCode> {
    // Completions and manual pages need no database, nor a home directory to find one in.
    if let Some(CliCommand::Shell(command)) = &cli.command {
        return shell::run(command);
    }
    let db_path = match &cli.db {
        Some(path) => path.clone(),
        None => default_db_path()?,
    };
    let today = cli.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let Some(command) = cli.command else {
        bail!("no command given");
    };
    match command {
        CliCommand::Demo { size } => {
            let mut session = session(&db_path, today)?;
            session.run(Origin::COMMAND_LINE, Command::LoadDemo(size))?;
            let count = store::architects::list(session.conn())?.len();
            let entries = store::time::count(session.conn())?;
            println!(
                "Loaded a {} demo team of {count} architects and {entries} time entries into {}",
                size_name(size),
                db_path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Check { format } => check_command(&db_path, format),
        CliCommand::Time(command) => time::run(command, &db_path, today),
        CliCommand::Accounts(command) => business::accounts(command, &db_path, today),
        CliCommand::Wins(command) => business::wins(command, &db_path, today),
        CliCommand::Milestones(command) => business::milestones(command, &db_path, today),
        CliCommand::Network(command) => business::network(command, &db_path, today),
        CliCommand::Interactions(command) => business::interactions(command, &db_path, today),
        CliCommand::Consumption(command) => business::consumption(command, &db_path, today),
        CliCommand::Scorecard(args) => business::scorecard(&args, &db_path, today),
        CliCommand::Bench(args) => bench::run(&args, today, frames),
        CliCommand::Backup => data::backup_now(&mut session_existing(&db_path, today)?),
        CliCommand::Backups { format } => data::list_backups(&db_path, format),
        CliCommand::Restore { file } => data::restore(&db_path, &file, today),
        CliCommand::Export(command) => data::export(&session_existing(&db_path, today)?, command),
        CliCommand::Import(command) => data::import(&db_path, command, today),
        CliCommand::Report(command) => report::run(&open_existing(&db_path)?, command, today),
        CliCommand::Search { query, format, limit } => {
            report::search_command(&open_existing(&db_path)?, &query, format, limit)
        }
        CliCommand::WriteLoop { count } => data::write_loop(&db_path, count, today),
        CliCommand::Shell(command) => shell::run(&command),
        CliCommand::Hiring(command) => {
            print!("{}", hiring::run(&open_existing(&db_path)?, today, &command)?);
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Candidates(command) => hiring::candidates(&db_path, today, command),
        CliCommand::Team(TeamCommand::List { format, all }) => {
            let store = open_existing(&db_path)?;
            let architects = store::architects::list(store.conn())?;
            let levels = lists::list(store.conn(), ListKind::CareerLevel)?;
            let areas = lists::list(store.conn(), ListKind::SolutionArea)?;
            let shown: Vec<_> =
                architects.iter().filter(|a| all || a.fields.status != Status::Left).collect();
            print!("{}", output::roster(&shown, &levels, &areas, format)?);
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Team(TeamCommand::Show(args)) => {
            print!("{}", development::team_show(&open_existing(&db_path)?, today, &args)?);
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Certs(command) => {
            print!("{}", development::certs(&open_existing(&db_path)?, today, &command)?);
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Team(TeamCommand::Add(args)) => {
            let mut session = session(&db_path, today)?;
            let levels = lists::list(session.conn(), ListKind::CareerLevel)?;
            let areas = lists::list(session.conn(), ListKind::SolutionArea)?;
            let level = lookup(&levels, args.level.as_deref(), "level")?;
            let fields = ArchitectFields {
                name: args.name,
                title: args.title,
                email: args.email,
                level,
                solution_area: lookup(&areas, args.area.as_deref(), "solution area")?,
                started_on: match args.start {
                    Some(start) => Some(text::parse_date("start date", &start)?),
                    None => None,
                },
                accounts: args.accounts.split(',').map(str::trim).collect::<Vec<_>>().join("\n"),
                cadence: match args.cadence {
                    CadenceArg::Weekly => Cadence::Weekly,
                    CadenceArg::Biweekly => Cadence::Biweekly,
                },
                target_level: next_level(&levels, level),
                readiness: Readiness::NotAssessed,
                ..ArchitectFields::default()
            };
            let Done::ArchitectAdded(id) =
                session.run(Origin::COMMAND_LINE, Command::AddArchitect(fields))?
            else {
                bail!("unexpected result adding an architect");
            };
            let added = store::architects::get(session.conn(), id)?;
            println!("Added {} (#{id})", added.name());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn size_name(size: DemoSize) -> &'static str {
    match size {
        DemoSize::Small => "small",
        DemoSize::Large => "large",
    }
}

fn lookup(items: &[ListItem], name: Option<&str>, what: &str) -> anyhow::Result<Option<ListItemId>> {
    let Some(name) = name else { return Ok(None) };
    match find_by_name(items, name) {
        Some(id) => Ok(Some(id)),
        None => bail!(
            "unknown {what} {name:?}; known: {}",
            items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Opens (or creates) the database for a command, also while a window has it open (see
/// [`Store::open_beside_window`]): the page-by-page check at most once a day; `leadline check`
/// and `backup` check every page themselves.
fn open(path: &Path) -> anyhow::Result<Store> {
    Ok(Store::open_beside_window(path)?)
}

/// Opens a database that must already exist: reading commands never create one.
fn open_existing(path: &Path) -> anyhow::Result<Store> {
    if !path.exists() {
        bail!(
            "there is no database at {} (create one with `leadline demo` or `leadline team add`)",
            path.display()
        );
    }
    open(path)
}

/// Opens (or creates) the database for commands that write: every write goes through the
/// session, as in the app. Calendar days are counted in this computer's zone.
fn session(path: &Path, today: NaiveDate) -> anyhow::Result<Session> {
    Ok(Session::without_view(open(path)?, Clock::Fixed(today), zones::local()))
}

/// The same, on a database that must already exist.
fn session_existing(path: &Path, today: NaiveDate) -> anyhow::Result<Session> {
    Ok(Session::without_view(open_existing(path)?, Clock::Fixed(today), zones::local()))
}

fn check_command(path: &Path, format: TableOrJson) -> anyhow::Result<ExitCode> {
    let store = open_existing(path)?;
    let report = check::full_check(store.conn())?;
    match format {
        TableOrJson::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        TableOrJson::Table => {
            println!("Database:       {}", path.display());
            println!(
                "Schema version: {} (this Leadline writes {})",
                report.schema_version, report.latest_version
            );
            println!(
                "Integrity:      {}",
                if report.integrity_problems.is_empty() {
                    "ok".to_owned()
                } else {
                    report.integrity_problems.join("; ")
                }
            );
            println!(
                "Foreign keys:   {}",
                if report.foreign_key_problems.is_empty() {
                    "ok".to_owned()
                } else {
                    report.foreign_key_problems.join("; ")
                }
            );
            println!("Rows:");
            for (table, count) in &report.row_counts {
                println!("  {table:<20} {count:>8}");
            }
        }
    }
    Ok(if report.is_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
