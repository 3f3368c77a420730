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

use super::{StoreError, agenda, architects, certifications, goals, one_on_ones, time};
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
/// one-on-one (goal progress recorded, certifications earned or renewed), per architect on
/// the team, as of `as_of`. Read in three queries for the whole team.
pub fn fill_development(conn: &Connection, as_of: NaiveDate, inputs: &mut Inputs) -> Result<(), StoreError> {
    use crate::model::certification::{CertState, expiry};
    use crate::model::goal::GoalFlags;

    let stalled_days = goals::stalled_days(conn)?;
    let all_goals = goals::list(conn)?;
    let progress = goals::history(conn)?;
    let catalogue: HashMap<_, _> = certifications::catalogue(conn)?.into_iter().map(|c| (c.id, c)).collect();
    let records = certifications::records(conn)?;
    for architect in &inputs.architects {
        if architect.status == Status::Left {
            continue;
        }
        let since = inputs.history.get(&architect.id).and_then(|h| h.last.map(|m| m.held_on));
        let after_last = |on: NaiveDate| since.is_none_or(|last| on > last) && on <= as_of;
        let mut development = prep::Development::default();
        for goal in all_goals.iter().filter(|g| g.architect == architect.id) {
            let history = progress.get(&goal.id).map_or(&[][..], Vec::as_slice);
            let flags = GoalFlags::compute(
                goal.fields.status,
                goal.created_on,
                goal.fields.target_on,
                history,
                as_of,
                stalled_days,
            );
            development.goals.extend(prep::goal_due(&goal.fields.description, goal.fields.target_on, flags));
            let mut before: Option<u8> = None;
            for point in history {
                if after_last(point.on) && before != Some(point.progress_pct) {
                    let from = before.map_or_else(|| "to ".to_owned(), |b| format!("from {b} % to "));
                    development.changes.push(prep::Change {
                        on: point.on,
                        text: format!(
                            "Goal “{}” moved {from}{} %",
                            goal.fields.description, point.progress_pct
                        ),
                    });
                }
                before = Some(point.progress_pct);
            }
        }
        for record in records.iter().filter(|r| r.architect == architect.id) {
            let Some(cert) = catalogue.get(&record.cert) else { continue };
            // A record that breaks the lifecycle rules is shown on the architect's page, not here.
            let Ok(expires_on) = expiry(cert.kind, record.earned_on, &record.renewals) else { continue };
            development.certs.extend(prep::cert_alert(
                &cert.code,
                &cert.name,
                CertState::on(expires_on, as_of),
            ));
            if after_last(record.earned_on) {
                development
                    .changes
                    .push(prep::Change { on: record.earned_on, text: format!("Earned {}", cert.code) });
            }
            for renewed in record.renewals.iter().filter(|on| after_last(**on)) {
                development
                    .changes
                    .push(prep::Change { on: *renewed, text: format!("Renewed {}", cert.code) });
            }
        }
        development.changes.sort_by_key(|c| c.on);
        if development != prep::Development::default() {
            inputs.development.insert(architect.id, development);
        }
    }
    Ok(())
}

/// The manager's own time split in the week against the targets of its quarter; left `None`
/// when nothing is logged in the week.
pub fn fill_week_split(conn: &Connection, week: IsoWeek, inputs: &mut Inputs) -> Result<(), StoreError> {
    let settings = time::time_settings(conn)?;
    let summary = time::week_summary(conn, week, &settings)?;
    if summary.total.total() > 0 {
        inputs.week_split = Some(prep::WeekSplit { split: summary.total, targets: summary.targets });
    }
    Ok(())
}
