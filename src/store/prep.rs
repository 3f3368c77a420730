//! Filling the weekly prep sheet's [`Inputs`] from the database, then building it with the
//! pure rules in `model::prep`.
//!
//! The whole sheet is read once ([`inputs`]); after a write that touched one architect only
//! their part is read again ([`refresh_architect`]), and after a time entry only the week's
//! split ([`fill_week_split`]).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::{StoreError, agenda, architects, certifications, goals, one_on_ones, time};
use crate::model::certification::{CatalogueCert, CertRecord};
use crate::model::fiscal::IsoWeek;
use crate::model::goal::{Goal, ProgressPoint};
use crate::model::prep::{self, ArchitectInput, HeldInput, HistoryInput, Inputs, PrepSheet};
use crate::model::{ArchitectId, CertId, GoalId, Status};

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
        onboarding: HashMap::new(),
    };
    for architect in architects::list(conn)? {
        let status = architect.fields.status;
        if status == Status::Left {
            continue;
        }
        let id = architect.id;
        let cadence = architect.fields.cadence;
        let starts_on = architect.fields.started_on;
        inputs.architects.push(ArchitectInput {
            id,
            name: architect.fields.name,
            cadence,
            status,
            starts_on,
        });
        if status == Status::OnLeave {
            continue;
        }
        inputs.history.insert(id, history(conn, id, cadence, week)?);
    }
    fill_development(conn, as_of, &mut inputs)?;
    super::onboarding::fill_prep(conn, as_of, &mut inputs, None)?;
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
    let in_week = one_on_ones::between(conn, id, week.monday(), week.sunday())?;
    // A meeting only started (nothing happened in it yet) leaves them due, with a way back in.
    history.started = in_week.iter().find(|(_, held)| !held).map(|(meeting, _)| *meeting);
    if let Some(meeting) = in_week.into_iter().find(|(_, held)| *held).map(|(meeting, _)| meeting) {
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
    if let Some(last) = history.last {
        history.last_notes = one_on_ones::get(conn, last.id)?.fields.notes;
    }
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
    let stalled_days = goals::stalled_days(conn)?;
    let windows = super::onboarding::goal_windows(conn)?;
    let all_goals = goals::list(conn)?;
    let progress = goals::history(conn)?;
    let catalogue: HashMap<_, _> = certifications::catalogue(conn)?.into_iter().map(|c| (c.id, c)).collect();
    let records = certifications::records(conn)?;
    let team: Vec<(ArchitectId, Option<NaiveDate>)> = inputs
        .architects
        .iter()
        .filter(|a| a.status != Status::Left)
        .map(|a| (a.id, inputs.history.get(&a.id).and_then(|h| h.last.map(|m| m.held_on))))
        .collect();
    for (id, since) in team {
        let plan = Plan {
            goals: all_goals.iter().filter(|g| g.architect == id).collect(),
            progress: &progress,
            records: records.iter().filter(|r| r.architect == id).collect(),
            catalogue: &catalogue,
            stalled_days,
            windows: &windows,
        };
        let development = development_of(&plan, since, as_of);
        if development == prep::Development::default() {
            inputs.development.remove(&id);
        } else {
            inputs.development.insert(id, development);
        }
    }
    Ok(())
}

/// Reads again what one architect's card is built from (their meetings and agenda, and
/// their development), after a write that touched only them: the rest of the sheet stays.
pub fn refresh_architect(conn: &Connection, inputs: &mut Inputs, id: ArchitectId) -> Result<(), StoreError> {
    let Some(architect) = inputs.architects.iter().find(|a| a.id == id).cloned() else {
        return Ok(()); // not on the team this week (left): no card
    };
    if architect.status == Status::OnLeave {
        return Ok(());
    }
    inputs.history.insert(id, history(conn, id, architect.cadence, inputs.week)?);
    let as_of = prep::as_of(inputs.week, inputs.today);
    let progress = goals::history_of(conn, id)?;
    let goals = goals::list_of(conn, id)?;
    let records = certifications::records_of(conn, id)?;
    let catalogue: HashMap<_, _> = certifications::catalogue(conn)?.into_iter().map(|c| (c.id, c)).collect();
    let windows = super::onboarding::goal_windows_of(conn, id)?;
    let plan = Plan {
        goals: goals.iter().collect(),
        progress: &progress,
        records: records.iter().collect(),
        catalogue: &catalogue,
        stalled_days: goals::stalled_days(conn)?,
        windows: &windows,
    };
    super::onboarding::fill_prep(conn, as_of, inputs, Some(id))?;
    let since = inputs.history.get(&id).and_then(|h| h.last.map(|m| m.held_on));
    let development = development_of(&plan, since, as_of);
    if development == prep::Development::default() {
        inputs.development.remove(&id);
    } else {
        inputs.development.insert(id, development);
    }
    Ok(())
}

/// One architect's goals, their progress and certification records, as a card reads them.
struct Plan<'a> {
    goals: Vec<&'a Goal>,
    progress: &'a HashMap<GoalId, Vec<ProgressPoint>>,
    records: Vec<&'a CertRecord>,
    catalogue: &'a HashMap<CertId, CatalogueCert>,
    stalled_days: u32,
    /// When the window of each onboarding goal opens: not stalled before.
    windows: &'a HashMap<GoalId, NaiveDate>,
}

/// What the card says of one architect's development: goals due or stalled, certifications
/// needing attention, and what changed after the last one-on-one (`since`) up to `as_of`.
fn development_of(plan: &Plan<'_>, since: Option<NaiveDate>, as_of: NaiveDate) -> prep::Development {
    use crate::model::certification::{CertState, expiry};
    use crate::model::goal::GoalFlags;

    let after_last = |on: NaiveDate| since.is_none_or(|last| on > last) && on <= as_of;
    let mut development = prep::Development::default();
    for goal in &plan.goals {
        let history = plan.progress.get(&goal.id).map_or(&[][..], Vec::as_slice);
        let counts_from =
            plan.windows.get(&goal.id).map_or(goal.created_on, |opens| (*opens).max(goal.created_on));
        let flags = GoalFlags::compute(
            goal.fields.status,
            counts_from,
            goal.fields.target_on,
            history,
            as_of,
            plan.stalled_days,
        );
        development.goals.extend(prep::goal_due(
            &goal.fields.description,
            goal.fields.target_on,
            flags,
            as_of,
        ));
        let mut before: Option<u8> = None;
        for point in history {
            if after_last(point.on) && before != Some(point.progress_pct) {
                let from = before.map_or_else(|| "to ".to_owned(), |b| format!("from {b} % to "));
                development.changes.push(prep::Change {
                    on: point.on,
                    text: format!("Goal “{}” moved {from}{} %", goal.fields.description, point.progress_pct),
                });
            }
            before = Some(point.progress_pct);
        }
    }
    for record in &plan.records {
        let Some(cert) = plan.catalogue.get(&record.cert) else { continue };
        // A record that breaks the lifecycle rules is shown on the architect's page, not here.
        let Ok(expires_on) = expiry(cert.kind, record.earned_on, &record.renewals) else { continue };
        development.certs.extend(prep::cert_alert(&cert.code, &cert.name, CertState::on(expires_on, as_of)));
        if after_last(record.earned_on) {
            development
                .changes
                .push(prep::Change { on: record.earned_on, text: format!("Earned {}", cert.code) });
        }
        for renewed in record.renewals.iter().filter(|on| after_last(**on)) {
            development.changes.push(prep::Change { on: *renewed, text: format!("Renewed {}", cert.code) });
        }
    }
    development.changes.sort_by_key(|c| c.on);
    development
}

/// The manager's own time split in the week against the targets of its quarter; left `None`
/// when nothing is logged in the week.
pub fn fill_week_split(conn: &Connection, week: IsoWeek, inputs: &mut Inputs) -> Result<(), StoreError> {
    let settings = time::time_settings(conn)?;
    let summary = time::week_summary(conn, week, &settings)?;
    inputs.week_split = (summary.total.total() > 0)
        .then_some(prep::WeekSplit { split: summary.total, targets: summary.targets });
    Ok(())
}
