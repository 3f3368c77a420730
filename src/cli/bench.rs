//! `leadline bench`: builds the large demo in a temporary file and times the operations that
//! must stay fast, printing the median of several runs. Each area adds its own `*_benchmarks`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use rusqlite::Connection;

use super::measure::{Measurement, measure};
use super::output::aligned;
use crate::demo::DemoSize;
use crate::import::zones::Zone;
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::session::{Clock, Command, Origin, Session, TimeView};
use crate::store::{self, Store, backup, prep, search};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Timed runs of each operation; the median is reported.
    #[arg(long, default_value_t = 50)]
    pub runs: usize,
    /// Only these groups of operations (repeatable): time, startup, one-on-ones, writes,
    /// calendar, development, business, hiring, review, frames. Default: all.
    #[arg(long, value_enum)]
    pub only: Vec<Group>,
    /// Start from a copy of this large demo file (made with `leadline --db FILE demo --size
    /// large`) instead of building one, to repeat a measurement quickly.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

/// The groups of operations `leadline bench` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Group {
    Time,
    Startup,
    OneOnOnes,
    Writes,
    Calendar,
    Development,
    Business,
    Hiring,
    Review,
    /// Every screen of the app drawn headless, and a write felt as the next frame.
    Frames,
}

/// A database file in a folder of its own in the temp folder (its backups go beside it),
/// removed with everything in it when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new() -> anyhow::Result<Self> {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let folder = std::env::temp_dir().join(format!("leadline-bench-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&folder)?;
        Ok(Self(folder.join("leadline.db")))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        if let Some(folder) = self.0.parent() {
            // Best effort: a leftover folder in the temp folder harms nothing.
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

/// The frame benchmark: the database, how many frames to time per screen and the day; it
/// returns the table's rows (frame, median, p99, slowest, budget, verdict) and whether every
/// frame was within its budget.
pub type FrameBench = fn(&std::path::Path, usize, NaiveDate) -> anyhow::Result<(Vec<[String; 6]>, bool)>;

pub fn run(args: &BenchArgs, today: NaiveDate, frames: FrameBench) -> anyhow::Result<ExitCode> {
    let runs = args.runs.max(1);
    let wanted = |group: Group| args.only.is_empty() || args.only.contains(&group);
    let db = TempDb::new()?;
    let started = Instant::now();
    if let Some(file) = &args.from {
        std::fs::copy(file, &db.0)
            .with_context(|| format!("cannot copy {} for the benchmark", file.display()))?;
    } else {
        let mut session = Session::without_view(Store::open(&db.0)?, Clock::Fixed(today), Zone::Utc);
        session.run(Origin::SCRIPT, Command::LoadDemo(DemoSize::Large))?;
    }
    let built = started.elapsed();
    let session = Session::without_view(Store::open(&db.0)?, Clock::Fixed(today), Zone::Utc);
    let conn = session.conn();
    println!(
        "Large demo: {} architects, {} time entries (ready in {:.1} s); {runs} runs each, median shown.\n",
        store::architects::list(conn)?.len(),
        store::time::count(conn)?,
        built.as_secs_f64(),
    );
    let mut measurements = Vec::new();
    if wanted(Group::Time) {
        measurements.extend(time_benchmarks(conn, today, runs)?);
    }
    if wanted(Group::Review) {
        measurements.extend(super::bench_review::run(conn, runs.min(10), today)?);
    }
    // Start-up is measured on the same file, closed, as a new window would find it.
    drop(session);
    if wanted(Group::Startup) {
        measurements.extend(startup_benchmarks(&db.0, runs)?);
    }
    if wanted(Group::OneOnOnes) {
        measurements.extend(one_on_one_benchmarks(&db.0, runs, today)?);
    }
    if wanted(Group::Writes) {
        measurements.extend(super::bench_writes::run(&db.0, runs, today)?);
    }
    if wanted(Group::Calendar) {
        measurements.extend(calendar_benchmarks(&db.0, runs, today)?);
    }
    if wanted(Group::Business) {
        measurements.extend(super::bench_business::run(&db.0, runs, today)?);
    }
    if wanted(Group::Hiring) {
        measurements.extend(super::bench_hiring::run(&db.0, runs, today)?);
    }
    let rows: Vec<[String; 5]> = measurements
        .iter()
        .map(|m| {
            [
                m.name.clone(),
                millis(m.median),
                format!("{} – {}", millis(m.fastest), millis(m.slowest)),
                m.target.map(|t| format!("< {}", millis(t))).unwrap_or_default(),
                if m.within_target() { "ok".to_owned() } else { "TOO SLOW".to_owned() },
            ]
        })
        .collect();
    if !rows.is_empty() {
        print!("{}", aligned(&["OPERATION", "MEDIAN", "RANGE", "TARGET", ""], &rows));
    }
    let mut frames_ok = true;
    if wanted(Group::Frames) {
        // Frames are many and short: four per run, so the 99th percentile means something.
        println!("\nFrames of the running app, headless (egui pass + tessellation, wall clock):");
        let (rows, within_budget) = frames(&db.0, runs * 4, today)?;
        frames_ok = within_budget;
        print!("{}", aligned(&["FRAME", "MEDIAN", "P99", "SLOWEST", "BUDGET (P99)", ""], &rows));
    }
    if wanted(Group::Development) {
        // Development builds its own large demo per run (its timings include writes), so fewer runs.
        println!("\nDevelopment plans, skills and certifications (fresh large demo per run):");
        print!("{}", super::bench_development::run(runs.min(3), today)?);
    }
    Ok(if frames_ok && measurements.iter().all(Measurement::within_target) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn millis(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

/// The time split's operations: the quarter and week summaries the CLI prints and the charts
/// are drawn from (settings read included, as every caller does), and the whole reload of the
/// Time screen after a write.
pub fn time_benchmarks(conn: &Connection, today: NaiveDate, runs: usize) -> anyhow::Result<Vec<Measurement>> {
    let settings = store::time::time_settings(conn)?;
    let quarter = settings.quarter_of(today);
    let past_quarter = FiscalQuarter::new(quarter.fiscal_year() - 3, 3).unwrap_or(quarter);
    let week = IsoWeek::of(today);
    let quarter_summary = |quarter: FiscalQuarter| {
        move || {
            let settings = store::time::time_settings(conn)?;
            store::time::quarter_summary(conn, quarter, &settings, today)
        }
    };
    Ok(vec![
        measure(
            format!("time: quarter summary {quarter} (with 4-quarter trend)"),
            Some(Duration::from_millis(20)),
            runs,
            quarter_summary(quarter),
        )?,
        measure(
            format!("time: quarter summary {past_quarter} (with 4-quarter trend)"),
            Some(Duration::from_millis(20)),
            runs,
            quarter_summary(past_quarter),
        )?,
        measure(format!("time: week summary {week}"), Some(Duration::from_millis(5)), runs, || {
            let settings = store::time::time_settings(conn)?;
            store::time::week_summary(conn, week, &settings)
        })?,
        measure("time: Time screen reload (entries, week, quarter, this week)", None, runs, || {
            TimeView::load(conn, today, None)
        })?,
    ])
}

/// Start-up cost of data safety: the open (read-only pre-check with `quick_check`, lock,
/// pragmas) when no backup is due, and with the verified daily backup when one is.
pub fn startup_benchmarks(db: &std::path::Path, runs: usize) -> anyhow::Result<Vec<Measurement>> {
    use crate::store::health::{self, Health};
    let backups = backup::backups_dir(db);
    // What stands between a double-click and the window: the open with its header, size,
    // version and lock checks. `quick_check` and the backup run in the background after it.
    let open = measure(
        "start-up before the window (open; quick_check and backup run in the background)",
        Some(Duration::from_millis(50)),
        runs,
        || Store::open_deferring_check(db).map(drop),
    )?;
    let background_check = measure("background: quick_check, no backup due", None, runs, || {
        match health::check_and_back_up(&db.to_path_buf()) {
            Health::Healthy { .. } => Ok(()),
            Health::Damaged { detail } => Err(anyhow::anyhow!(detail)),
        }
    })?;
    let background_backup = measure(
        "background: quick_check + verified daily backup",
        None,
        runs.min(5),
        || -> anyhow::Result<()> {
            let _ = std::fs::remove_dir_all(&backups);
            match health::check_and_back_up(&db.to_path_buf()) {
                Health::Healthy { backup: Some(Ok(_)) } => Ok(()),
                other => Err(anyhow::anyhow!("{other:?}")),
            }
        },
    )?;
    let command_line =
        measure("command-line open (quick_check on the spot)", None, runs, || Store::open(db).map(drop))?;
    // The check above passed: for the rest of the day a command skips it.
    let checked_today = measure(
        "command-line open, checked earlier today (header, size, version, lock)",
        Some(Duration::from_millis(25)),
        runs,
        || Store::open_checked_daily(db).map(drop),
    )?;
    Ok(vec![open, background_check, background_backup, command_line, checked_today])
}

/// Calendar import of 10,000 occurrences in range: reading and expanding the file,
/// categorising and diffing it into a preview, and the first import's commit. A day holds at
/// most 24 h, so 10,000 occurrences need a long range: the three fiscal years after this
/// quarter, where the demo has logged nothing by hand yet (a calendar already holds the
/// meetings planned there).
pub fn calendar_benchmarks(
    db: &std::path::Path,
    runs: usize,
    today: NaiveDate,
) -> anyhow::Result<Vec<Measurement>> {
    use crate::model::fiscal::DEFAULT_START_MONTH;

    let quarter = FiscalQuarter::of(today, DEFAULT_START_MONTH);
    let end = quarter.end_inclusive(DEFAULT_START_MONTH);
    let from = end.succ_opt().unwrap_or(end);
    let last = from.checked_add_months(chrono::Months::new(36)).unwrap_or(from);
    let zone = Zone::Iana(chrono_tz::Tz::Europe__Berlin);
    let window = crate::session::calendar::window(from, last, zone.clone())?;
    // The generator counts exactly what it writes; grow the target if the window holds fewer.
    let mut target = 10_000;
    let ics = loop {
        let ics = crate::demo::calendar::calendar(from, window.to, target);
        let found = crate::import::read(ics.as_bytes(), &window)?.occurrences.len();
        if found >= 10_000 {
            break ics;
        }
        anyhow::ensure!(
            target < 20_000,
            "the generated calendar holds only {found} occurrences from {from} to {last}"
        );
        target += 10_000 - found;
    };
    // The app's own session: its preview and its commit (backup first, then one transaction,
    // then the view read again) are what is timed.
    let mut session = Session::new(Store::open(db)?, Clock::Fixed(today), zone)?;
    session.run(
        Origin::SCRIPT,
        Command::SetCalendarIdentity {
            my_emails: "me@contoso.com".into(),
            company_domains: "contoso.com".into(),
        },
    )?;
    let count = crate::import::read(ics.as_bytes(), &window)?.occurrences.len();
    let label = |what: &str| format!("calendar: {count} occurrences, {what}");
    let read = measure(label("read + expand"), Some(Duration::from_millis(500)), runs, || {
        crate::import::read(ics.as_bytes(), &window).map(drop)
    })?;
    let preview =
        measure(label("read + expand + categorise + preview"), Some(Duration::from_secs(1)), runs, || {
            session.import_preview(ics.as_bytes(), &window).map(drop)
        })?;
    let commit = measure(
        label("preview + commit as the app does (backup, write, refresh)"),
        Some(Duration::from_secs(3)),
        runs.min(5),
        || -> anyhow::Result<()> {
            let preview = session.import_preview(ics.as_bytes(), &window)?;
            anyhow::ensure!(preview.full_days().is_empty(), "the generated calendar overfills a day");
            let plan = preview.plan();
            session.run(Origin::SCRIPT, Command::ImportCalendar { plan, folder: None })?;
            // Each run starts from no imported entries, as a first import does.
            session.conn().execute("DELETE FROM time_entries WHERE source = 'calendar'", [])?;
            Ok(())
        },
    );
    Ok(vec![read, preview, commit?])
}

/// The weekly home and the search on ten years of weekly one-on-ones for 100 architects:
/// building the week's prep cards, searching (a customer name, a common word, a phrase), and
/// the whole view-model reload that follows every write.
pub fn one_on_one_benchmarks(
    db: &std::path::Path,
    runs: usize,
    today: NaiveDate,
) -> anyhow::Result<Vec<Measurement>> {
    let store = Store::open(db)?;
    let conn = store.conn();
    let week = IsoWeek::of(today);
    let due = prep::sheet(conn, week, today)?.due.len();
    let mut measurements = vec![measure(
        format!("one-on-ones: prep cards for {week} ({due} due)"),
        Some(Duration::from_millis(50)),
        runs,
        || prep::sheet(conn, week, today),
    )?];
    for query in ["Woodgrove", "consumption", "\"production pilot\""] {
        let total = search::search(conn, query, search::RESULTS_LIMIT)?.total;
        measurements.push(measure(
            format!("one-on-ones: search {query} ({total} matches)"),
            Some(Duration::from_millis(50)),
            runs,
            || search::search(conn, query, search::RESULTS_LIMIT),
        )?);
    }
    measurements.push(measure("view model: read everything (opening the file)", None, runs.min(10), || {
        crate::session::ViewModel::load(&store, today)
    })?);
    Ok(measurements)
}
