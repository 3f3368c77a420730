//! `leadline bench`: timings on the large demo database, printed as medians. The README
//! quotes these figures with the machine they ran on.

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::app::Command;
use crate::demo::DemoSize;
use crate::model::fiscal::IsoWeek;
use crate::store::{Store, backup, prep, search};

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
    one_on_ones(&db, runs, today)?;
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

/// The weekly home and the search on ten years of weekly one-on-ones for 100 architects:
/// building the week's prep cards, searching (a customer name, a common word, a phrase), and
/// the view-model reload that follows every write.
fn one_on_ones(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<()> {
    let store = Store::open(db)?;
    let conn = store.conn();
    let counts: (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM one_on_ones), (SELECT count(*) FROM talking_points), \
         (SELECT count(*) FROM action_items)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    println!("One-on-ones: {} meetings, {} talking points, {} action items", counts.0, counts.1, counts.2);
    let week = IsoWeek::of(today);
    let mut cards = 0;
    let prep_cards = median(runs, || {
        cards = prep::sheet(conn, week, today)?.due.len();
        Ok(())
    })?;
    print_row(&format!("prep cards for {week} ({cards} due)"), prep_cards, Duration::from_millis(50));
    for query in ["Woodgrove", "consumption", "\"production pilot\""] {
        let mut total = 0;
        let took = median(runs, || {
            total = search::search(conn, query, search::RESULTS_LIMIT)?.total;
            Ok(())
        })?;
        print_row(
            &format!("search {query} ({total} matches, newest {})", search::RESULTS_LIMIT),
            took,
            Duration::from_millis(50),
        );
    }
    let selection = crate::app::Selection::default();
    let reload = median(runs, || {
        crate::app::ViewModel::load(&store, today, &selection)?;
        Ok(())
    })?;
    print_row("view model reload after a write (incl. prep cards)", reload, Duration::from_millis(100));
    Ok(())
}

/// A private scratch folder for the benchmark database.
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("leadline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
