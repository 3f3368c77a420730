//! `leadline bench`, ordinary writes: one command through the session exactly as the app sends
//! it (its own transaction, synced to disk), plus the refresh of the parts of the view it
//! changed, on the large demo with a meeting open in the editor as the app would have.

use std::cell::Cell;
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;

use super::measure::{Measurement, measure};
use crate::import::zones::Zone;
use crate::model::one_on_one::{Party, PointFields};
use crate::model::split::Category;
use crate::model::time_entry::TimeEntryFields;
use crate::session::{Clock, Command, DevCommand, Done, Origin, Selection, Sent, Session};
use crate::store::{Store, agenda, goals, one_on_ones};

/// What one ordinary write plus its refresh may cost: a quarter of a 60 Hz frame.
const WRITE_BUDGET: Duration = Duration::from_millis(4);

pub fn run(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<Vec<Measurement>> {
    let mut session = Session::new(Store::open(db)?, Clock::Fixed(today), Zone::Utc)?;
    let conn = session.conn();

    // The meeting the editor shows: the newest one of the first architect, with a talking
    // point of its own to tick.
    let architect =
        session.view().architects.first().map(|a| a.id).ok_or_else(|| anyhow::anyhow!("no team"))?;
    let history = one_on_ones::history(conn, architect)?;
    let meeting = history.first().map(|m| m.meeting.id).ok_or_else(|| anyhow::anyhow!("no meetings"))?;
    let fields =
        PointFields { text: "Benchmark talking point".into(), raised_by: Party::Me, topic: String::new() };
    session.run(Origin::SCRIPT, Command::AddTalkingPoint { meeting, fields })?;
    let agenda = agenda::agenda_of(session.conn(), &one_on_ones::get(session.conn(), meeting)?)?;
    let point = agenda
        .points
        .iter()
        .find(|(p, _)| p.fields.text == "Benchmark talking point")
        .map(|(p, _)| p.id)
        .ok_or_else(|| anyhow::anyhow!("no talking point"))?;
    session.select(&Selection {
        architect: Some(architect),
        meeting: Some(meeting),
        ..Selection::default()
    })?;
    let goal = goals::list_of(session.conn(), architect)?
        .into_iter()
        .find(|g| crate::model::goal::is_open(g.fields.status))
        .map(|g| g.id)
        .ok_or_else(|| anyhow::anyhow!("no open goal"))?;

    let session = std::cell::RefCell::new(session);
    let apply = |command: Command| -> anyhow::Result<Done> {
        let mut applied = session.borrow_mut().apply(vec![Sent { origin: Origin::SCRIPT, command }]);
        let applied = applied.pop().ok_or_else(|| anyhow::anyhow!("no answer"))?;
        applied.result.map_err(Into::into)
    };

    // A time entry logged, then deleted by the next run, so the day never fills up: each run
    // is one write.
    let logged = Cell::new(None);
    let time_entry =
        measure("write + refresh: log (or delete) a time entry", Some(WRITE_BUDGET), runs, || {
            if let Some(id) = logged.take() {
                return apply(Command::DeleteTimeEntry(id)).map(drop);
            }
            let fields = TimeEntryFields::manual(today, 30, Category::Coaching, "Benchmark entry");
            if let Done::TimeEntryAdded(entry) = apply(Command::AddTimeEntry(fields))? {
                logged.set(Some(entry.id));
            }
            Ok::<_, anyhow::Error>(())
        });
    let ticked = Cell::new(false);
    let tick = measure(
        "write + refresh: tick a talking point in the open meeting",
        Some(WRITE_BUDGET),
        runs,
        || {
            let discussed = !ticked.get();
            ticked.set(discussed);
            apply(Command::SetDiscussed { id: point, meeting: discussed.then_some(meeting) })
        },
    );
    let percent = Cell::new(40);
    let progress = measure("write + refresh: record a goal's progress", Some(WRITE_BUDGET), runs, || {
        percent.set(if percent.get() == 40 { 41 } else { 40 });
        let command = DevCommand::RecordGoalProgress { id: goal, progress_pct: percent.get(), on: today };
        apply(Command::Development(command))
    });
    if let Some(id) = logged.take() {
        apply(Command::DeleteTimeEntry(id))?;
    }
    Ok(vec![time_entry?, tick?, progress?])
}
