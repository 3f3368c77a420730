//! `leadline bench development`: builds the large demo (100 architects) in a temporary file and
//! times the development operations a user waits for, over several runs, printing median,
//! fastest and slowest. Its own file so each area's benchmark stays beside the others'.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::demo::DemoSize;
use crate::import::zones::Zone;
use crate::session::{Clock, Command, DevCommand, Origin, Session, ViewModel};
use crate::store::{Store, goals};

/// A database file in a folder of its own in the temporary directory, removed with the folder
/// when dropped.
struct TempDb(PathBuf);

impl TempDb {
    fn new(run: usize) -> anyhow::Result<Self> {
        let folder = std::env::temp_dir().join(format!("leadline-bench-dev-{}-{run}", std::process::id()));
        std::fs::create_dir_all(&folder)?;
        Ok(Self(folder.join("leadline.db")))
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        if let Some(folder) = self.0.parent() {
            // Best effort: the OS cleans its temporary directory anyway.
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

/// The large demo in a new file, in a session that keeps its view up to date, as the app's.
fn large_demo(path: &Path, today: NaiveDate) -> anyhow::Result<Session> {
    let mut session = Session::new(Store::open(path)?, Clock::Fixed(today), Zone::Utc)?;
    session.run(Origin::SCRIPT, Command::LoadDemo(DemoSize::Large))?;
    Ok(session)
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
        let file = TempDb::new(run)?;
        let mut session = None;
        load.push(timed(|| {
            session = Some(large_demo(&file.0, today)?);
            Ok(())
        })?);
        let Some(mut session) = session else { anyhow::bail!("the demo did not load") };
        reload.push(timed(|| ViewModel::load(session.store(), today).map(drop).map_err(Into::into))?);

        let goal = goals::list(session.conn())?.first().map(|g| g.id);
        let Some(goal) = goal else { anyhow::bail!("the large demo has no goals") };
        let percent = 5 + i64::try_from(run % 90).unwrap_or(0);
        progress.push(timed(|| {
            let command = DevCommand::RecordGoalProgress { id: goal, progress_pct: percent, on: today };
            session.run(Origin::SCRIPT, Command::Development(command))?;
            Ok(())
        })?);

        let view = session.view().clone();
        let (architect, competency) = (view.architects[0].id, view.development.competencies[0].id);
        skill.push(timed(|| {
            let command = DevCommand::SetSkillLevel { architect, competency, current: 2, target: 4 };
            session.run(Origin::SCRIPT, Command::Development(command))?;
            Ok(())
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
    out.push_str(&report("read the whole view model (opening the file)", reload));
    out.push_str(&report("record goal progress + refresh what it changed", progress));
    out.push_str(&report("set a skill level + refresh what it changed", skill));
    out.push_str(&report("certifications expiring within 90 days", expiring));
    Ok(out)
}
