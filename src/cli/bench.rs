//! `leadline bench`: timings on the large demo database, printed as medians. The README
//! quotes these figures with the machine they ran on.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::app::Command;
use crate::demo::DemoSize;
use crate::store::{Store, backup};

/// Runs `f` `runs` times and returns the median duration.
pub fn median(runs: usize, mut f: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    times.sort_unstable();
    Ok(times[times.len() / 2])
}

pub fn print_row(what: &str, took: Duration, budget: Duration) {
    let verdict = if took <= budget { "ok" } else { "OVER BUDGET" };
    println!(
        "{what:<58} {:>9.2} ms   (budget {:>5} ms) {verdict}",
        took.as_secs_f64() * 1000.0,
        budget.as_millis()
    );
}

pub fn run(runs: usize, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let dir = tempfile_dir()?;
    let db = dir.join("bench.db");
    let build = Instant::now();
    {
        let mut store = Store::open(&db)?;
        store.transact(|tx| Command::LoadDemo(DemoSize::Large).apply(tx, today))?;
    }
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    println!(
        "Large demo database: {} ({} built in {:.1} s), {runs} runs each, median:",
        db.display(),
        super::data::human_size(size),
        build.elapsed().as_secs_f64()
    );
    startup(&db, runs)?;
    calendar_import(&db, runs, today)?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ExitCode::SUCCESS)
}

/// Start-up cost of data safety: the open (read-only pre-check with `quick_check`, lock,
/// pragmas) alone, and with the daily backup when one is due.
fn startup(db: &Path, runs: usize) -> anyhow::Result<()> {
    let open_only = median(runs, || {
        let store = Store::open(db)?;
        let now = chrono::Local::now().naive_local();
        let _due = backup::is_due(store.path(), now)?;
        Ok(())
    })?;
    print_row("start-up, no backup due (open + quick_check)", open_only, Duration::from_millis(50));
    let backups = backup::backups_dir(db);
    let with_backup = median(runs, || {
        let store = Store::open(db)?;
        backup::take(store.conn(), store.path(), backup::Reason::Daily)?;
        drop(store);
        // Each run starts with no backup, as on the first start of a day.
        let _ = std::fs::remove_dir_all(&backups);
        Ok(())
    })?;
    print_row(
        "start-up, backup due (open + quick_check + verified backup)",
        with_backup,
        Duration::from_millis(300),
    );
    Ok(())
}

/// Calendar import of a quarter with 10,000 occurrences: reading and expanding the file,
/// then categorising and diffing it into a preview, then (once time entries exist) the commit.
fn calendar_import(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<()> {
    use crate::import::preview::{DEFAULT_ALL_DAY_MINUTES, ImportSink as _, Inputs, Preview};
    use crate::import::rules::People;
    use crate::import::{Window, zones::Zone};
    use crate::model::fiscal::{DEFAULT_START_MONTH, FiscalQuarter};
    use crate::store::calendar;

    let quarter = FiscalQuarter::of(today, DEFAULT_START_MONTH);
    let (from, last) = (quarter.start(DEFAULT_START_MONTH), quarter.end_inclusive(DEFAULT_START_MONTH));
    let to = last.succ_opt().unwrap_or(last);
    let window = Window { from, to, zone: Zone::Iana(chrono_tz::Tz::Europe__Berlin) };
    // The generator counts roughly; grow the target until the window holds 10,000.
    let mut target = 10_000;
    let ics = loop {
        let ics = crate::demo::calendar::calendar(from, to, target);
        let found = crate::import::read(ics.as_bytes(), &window)?.occurrences.len();
        if found >= 10_000 {
            break ics;
        }
        target += 10_000 - found;
    };
    let mut store = Store::open(db)?;
    let rules = calendar::rules(store.conn())?;
    let people = People::new(
        &["me@contoso.com".into()],
        &calendar::team_emails(store.conn())?,
        &["contoso.com".into()],
    );
    let count = crate::import::read(ics.as_bytes(), &window)?.occurrences.len();
    println!(
        "Calendar import: {count} occurrences in {quarter} ({}):",
        super::data::human_size(ics.len() as u64)
    );
    let read = median(runs, || Ok(crate::import::read(ics.as_bytes(), &window).map(drop)?))?;
    print_row("  read + expand (parse, zones, recurrence)", read, Duration::from_millis(500));
    let inputs =
        Inputs { rules: &rules, people: &people, existing: &[], all_day_minutes: DEFAULT_ALL_DAY_MINUTES };
    let preview = median(runs, || {
        let expansion = crate::import::read(ics.as_bytes(), &window)?;
        drop(Preview::build(expansion, &window, &inputs));
        Ok(())
    })?;
    print_row("  read + expand + categorise + preview", preview, Duration::from_secs(1));
    if !calendar::time_entries_available(store.conn())? {
        println!("  commit: not timed (this database has no time_entries table yet)");
        return Ok(());
    }
    let total = median(runs, || {
        let expansion = crate::import::read(ics.as_bytes(), &window)?;
        let existing = store.with_connection_mut(|c| calendar::TimeEntrySink::new(c).existing(from, to))?;
        let inputs = Inputs { existing: &existing, ..inputs };
        let plan = Preview::build(expansion, &window, &inputs).plan();
        store.with_connection_mut(|c| calendar::TimeEntrySink::new(c).commit(&plan))?;
        // Each run starts from no imported entries, as a first import does.
        store.conn().execute("DELETE FROM time_entries WHERE source = 'calendar'", [])?;
        Ok(())
    })?;
    print_row("  read + expand + preview + commit (first import)", total, Duration::from_secs(1));
    Ok(())
}

/// A private scratch folder for the benchmark database.
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("leadline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
