//! `leadline bench development`: builds the large demo (100 architects) in a temporary file and
//! times the development operations a user waits for, over several runs, printing median,
//! fastest and slowest. Its own file so each area's benchmark stays beside the others'.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::app::dev_command::DevCommand;
use crate::app::{Command, ViewModel};
use crate::demo::DemoSize;
use crate::store::{Store, goals};

/// A database file in the temporary directory, removed (with its journal files) when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(run: usize) -> Self {
        Self(std::env::temp_dir().join(format!("leadline-bench-{}-{run}.db", std::process::id())))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", ".lock"] {
            let mut file = self.0.as_os_str().to_owned();
            file.push(suffix);
            // Best effort: the OS cleans its temporary directory anyway.
            let _ = std::fs::remove_file(PathBuf::from(file));
        }
    }
}

fn large_demo(path: &Path, today: NaiveDate) -> anyhow::Result<Store> {
    let mut store = Store::open(path)?;
    store.transact(|tx| Command::LoadDemo(DemoSize::Large).apply(tx, today))?;
    Ok(store)
}

/// Times `f` once.
fn timed(f: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<Duration> {
    let started = Instant::now();
    f()?;
    Ok(started.elapsed())
}

fn report(name: &str, mut samples: Vec<Duration>) -> String {
    samples.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = samples.get(samples.len() / 2).copied().unwrap_or_default();
    let fastest = samples.first().copied().unwrap_or_default();
    let slowest = samples.last().copied().unwrap_or_default();
    format!("{name:<52} {:>9.2} ms {:>9.2} ms {:>9.2} ms\n", ms(median), ms(fastest), ms(slowest))
}

pub fn run(runs: usize, today: NaiveDate) -> anyhow::Result<String> {
    let runs = runs.max(1);
    let mut load = Vec::new();
    let mut reload = Vec::new();
    let mut progress = Vec::new();
    let mut skill = Vec::new();
    let mut expiring = Vec::new();
    for run in 0..runs {
        let file = TempDb::new(run);
        let mut store = None;
        load.push(timed(|| {
            store = Some(large_demo(&file.0, today)?);
            Ok(())
        })?);
        let Some(mut store) = store else { anyhow::bail!("the demo did not load") };
        reload.push(timed(|| ViewModel::load(&store, today).map(drop).map_err(Into::into))?);

        let goal = goals::list(store.conn())?.first().map(|g| g.id);
        let Some(goal) = goal else { anyhow::bail!("the large demo has no goals") };
        let percent = 5 + i64::try_from(run % 90).unwrap_or(0);
        progress.push(timed(|| {
            let command = DevCommand::RecordGoalProgress { id: goal, progress_pct: percent, on: today };
            store.transact(|tx| Command::Development(command).apply(tx, today))?;
            ViewModel::load(&store, today).map(drop).map_err(Into::into)
        })?);

        let view = ViewModel::load(&store, today)?;
        let (architect, competency) = (view.architects[0].id, view.development.competencies[0].id);
        skill.push(timed(|| {
            let command = DevCommand::SetSkillLevel { architect, competency, current: 2, target: 4 };
            store.transact(|tx| Command::Development(command).apply(tx, today))?;
            ViewModel::load(&store, today).map(drop).map_err(Into::into)
        })?);

        expiring.push(timed(|| {
            let team: Vec<_> = view.architects.iter().collect();
            std::hint::black_box(view.development.expiring_within(&team, 90, today));
            Ok(())
        })?);
    }
    let mut out = format!(
        "Development, large demo (100 architects), {runs} runs\n{:<52} {:>12} {:>12} {:>12}\n",
        "operation", "median", "fastest", "slowest"
    );
    out.push_str(&report("load the large demo into a new file", load));
    out.push_str(&report("rebuild the view model (after any write)", reload));
    out.push_str(&report("record goal progress, then rebuild", progress));
    out.push_str(&report("set a skill level, then rebuild", skill));
    out.push_str(&report("certifications expiring within 90 days", expiring));
    Ok(out)
}
