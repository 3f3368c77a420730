//! Filling the weekly prep sheet's [`Inputs`] from the database, then building it with the
//! pure rules in `model::prep`.
//!
//! Two sections come from work on other branches and are filled by the two functions at the
//! end of this file, which do nothing until those branches are merged:
//! [`fill_development`] (goals, certifications, changes since the last one-on-one) and
//! [`fill_week_split`] (the manager's own time this week).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::{StoreError, agenda, architects, one_on_ones};
use crate::model::fiscal::IsoWeek;
use crate::model::prep::{self, ArchitectInput, HeldInput, HistoryInput, Inputs, PrepSheet};
use crate::model::{ArchitectId, Status};

/// The week's prep sheet as of `today`.
pub fn sheet(conn: &Connection, week: IsoWeek, today: NaiveDate) -> Result<PrepSheet, StoreError> {
    Ok(prep::build(&inputs(conn, week, today)?))
}

/// Everything the week's prep sheet is built from. Only architects due a one-on-one get their
/// open items loaded, each from small indexes, so this stays fast with years of history.
pub fn inputs(conn: &Connection, week: IsoWeek, today: NaiveDate) -> Result<Inputs, StoreError> {
    let as_of = prep::as_of(week, today);
    let mut inputs = Inputs {
        week,
        today,
        architects: Vec::new(),
        history: HashMap::new(),
        development: HashMap::new(),
        week_split: None,
    };
    for architect in architects::list(conn)? {
        let status = architect.fields.status;
        if status == Status::Left {
            continue;
        }
        let id = architect.id;
        let cadence = architect.fields.cadence;
        inputs.architects.push(ArchitectInput { id, name: architect.fields.name, cadence, status });
        if status == Status::OnLeave {
            continue;
        }
        inputs.history.insert(id, history(conn, id, cadence, week)?);
    }
    fill_development(conn, as_of, &mut inputs)?;
    fill_week_split(conn, week, &mut inputs)?;
    Ok(inputs)
}

fn history(
    conn: &Connection,
    id: ArchitectId,
    cadence: crate::model::Cadence,
    week: IsoWeek,
) -> Result<HistoryInput, StoreError> {
    let mut history = HistoryInput::default();
    if let Some(meeting) = one_on_ones::between(conn, id, week.monday(), week.sunday())?.into_iter().next() {
        let full = one_on_ones::get(conn, meeting.id)?;
        let agenda = agenda::agenda_of(conn, &full)?;
        history.in_week = Some(HeldInput {
            meeting,
            points_total: agenda.points.len(),
            points_discussed: agenda
                .points
                .iter()
                .filter(|(p, _)| p.discussed_in == Some(meeting.id))
                .count(),
            actions_total: agenda.actions.len(),
            actions_open: agenda.actions.iter().filter(|(a, _)| a.done_on.is_none()).count(),
        });
        return Ok(history);
    }
    let last_two = one_on_ones::last_two_before(conn, id, week.monday())?;
    history.last = last_two.first().copied();
    history.previous_mood = last_two.get(1).and_then(|m| m.mood);
    if let Some(last) = history.last
        && prep::is_due(cadence, Some(last.held_on), week)
    {
        let after_last = last.held_on.checked_add_days(Days::new(1)).unwrap_or(last.held_on);
        let (points, actions) = agenda::candidates(conn, id, last.held_on, after_last)?;
        history.points = points;
        history.actions = actions;
    }
    Ok(history)
}

/// Goals due or stalled, certifications needing attention, and changes since the last
/// one-on-one, per architect. PLACEHOLDER until the development plan (issue 4) is merged.
///
/// To wire it, for each `a` of `inputs.architects` (skip `Status::OnLeave`):
/// - goals: for each open goal, `prep::goal_due(&description, target_on, GoalFlags::compute(status,
///   created_on, target_on, &history, as_of, stalled_days))` (keep the `Some`s);
/// - certs: for each certification, `prep::cert_alert(code, name, CertState::on(expires_on, as_of))`;
/// - changes: progress points and certifications earned or renewed after
///   `inputs.history[&a.id].last.map(|m| m.held_on)` and up to `as_of`, as
///   `Change { on, text: "Goal “…” moved 40 % → 60 %" / "Earned AZ-305" }`;
/// - then `inputs.development.insert(a.id, Development { goals, certs, changes })`.
///
/// Cards, the Markdown prep sheet and the agenda suggestions pick them up with no other change.
#[allow(clippy::unnecessary_wraps, reason = "the real version reads the database")]
pub fn fill_development(
    _conn: &Connection,
    _as_of: NaiveDate,
    _inputs: &mut Inputs,
) -> Result<(), StoreError> {
    Ok(())
}

/// The manager's own time split this week against the targets. PLACEHOLDER until the time
/// split (issue 5) is merged.
///
/// To wire it: sum the week's time entries per category into a `model::split::Split`, read the
/// targets of the week's quarter, and set
/// `inputs.week_split = Some(WeekSplit { split, targets })` (leave `None` when nothing is
/// logged and no targets are set). The This week screen draws it above the cards (replace
/// `ui::this_week::week_split_ui`'s body with issue 5's widget if it has a richer one).
#[allow(clippy::unnecessary_wraps, reason = "the real version reads the database")]
pub fn fill_week_split(_conn: &Connection, _week: IsoWeek, _inputs: &mut Inputs) -> Result<(), StoreError> {
    Ok(())
}
