//! Reading again only what a write changed. A time entry refreshes the Time figures and the
//! week's split on the prep sheet; a tick refreshes one architect's card, the open meeting and
//! that architect's history; a goal's progress one person's plan and the team views built in
//! memory from it. An import, a restore or the demo read everything.

use std::collections::BTreeSet;

use super::changes::{Changes, People};
use super::{Session, TimeView};
use crate::model::ArchitectId;
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::ActionItem;
use crate::model::prep;
use crate::store::{StoreError, agenda, backup, calendar, one_on_ones, settings, templates};

/// The order `agenda::my_open_actions` gives: soonest due first, those without a date last.
fn sort_my_actions(actions: &mut [ActionItem]) {
    actions.sort_by_key(|a| (a.fields.due_on.is_none(), a.fields.due_on, a.raised_on, a.id));
}

impl Session {
    /// Brings the view up to date after `changes`. A failure to read leaves the view as it
    /// was and reads everything, so the screens never show half of a change.
    pub(super) fn refresh(&mut self, changes: &Changes) {
        let result = if changes.everything { self.reload() } else { self.refresh_parts(changes) };
        if result.is_err() {
            // The write is committed; a second, whole read usually succeeds. If it does not,
            // the screens keep what they had until the next change.
            let _ = self.reload();
        }
    }

    fn refresh_parts(&mut self, changes: &Changes) -> Result<(), StoreError> {
        let today = self.today();
        let Self { store, view, selection, time_focus, .. } = self;
        let conn = store.conn();

        if changes.roster || changes.onboarding {
            // Names, levels and areas appear on every screen; the roster is small.
            let fresh = super::ViewModel::load_roster(conn, view)?;
            if changes.roster {
                view.development = super::dev_view::DevelopmentView::load(
                    conn,
                    today,
                    &view.architects,
                    &view.levels,
                    &view.areas,
                )?;
                view.team_members = calendar::team_members(conn)?;
                // Who is due depends on status and cadence: the whole sheet.
                view.load_selection(conn, selection)?;
            }
            view.onboarded = fresh;
        }

        if changes.hiring || changes.roster || changes.time_settings || changes.development_settings {
            // Names, quarters and the competencies a plan assigns appear in hiring too.
            view.hiring =
                super::hiring_view::HiringView::load(conn, today, selection.requisition, &view.architects)?;
        }

        let time_changed = !changes.time_days.is_empty() || changes.time_settings;
        if changes.time_settings {
            view.time = TimeView::load(conn, today, *time_focus)?;
        } else if time_changed {
            view.time.refresh_days(conn, &changes.time_days)?;
        }
        view.onboarded |= view.time.has_entries;

        let mut people = changes.meetings.clone();
        people.add(&changes.development);
        if changes.development_settings {
            people = People::Everyone;
            view.development = super::dev_view::DevelopmentView::load(
                conn,
                today,
                &view.architects,
                &view.levels,
                &view.areas,
            )?;
        } else if !changes.development.is_nobody() && !changes.roster {
            let ids = match &changes.development {
                People::Some(ids) => ids.clone(),
                People::Everyone => view.architects.iter().map(|a| a.id).collect(),
                People::Nobody => BTreeSet::new(),
            };
            view.development.reload_people(
                conn,
                today,
                ids,
                (&view.architects, &view.levels, &view.areas),
            )?;
        }

        if !changes.roster {
            refresh_meetings(conn, view, selection, &people, &changes.meetings, today)?;
            if let Some(inputs) = &mut view.prep_inputs {
                let in_sheet_week = changes.time_days.iter().any(|day| IsoWeek::of(*day) == inputs.week);
                if changes.time_settings || in_sheet_week {
                    // The Time view has just summed the sheet's week when it is this week or
                    // the one shown: no second read.
                    let time = &view.time;
                    let summed = [&time.this_week, &time.week].into_iter().find(|w| w.week == inputs.week);
                    match summed {
                        Some(week) => {
                            inputs.week_split = (week.total.total() > 0)
                                .then_some(prep::WeekSplit { split: week.total, targets: week.targets });
                        }
                        None => crate::store::prep::fill_week_split(conn, inputs.week, inputs)?,
                    }
                    if let Some(sheet) = &mut view.prep {
                        sheet.week_split.clone_from(&inputs.week_split);
                    }
                }
            }
        }

        if changes.business || changes.roster {
            // Account names, wins, milestones: read together (a few ms even for a large team).
            view.business = super::BusinessView::load(conn, today)?;
        } else if changes.cadence {
            // Held one-on-ones count towards the cadence standard of the scorecards.
            view.business.reload_scorecards(conn)?;
        }
        if changes.search && !selection.query.trim().is_empty() {
            view.load_search(conn, &selection.query);
        }
        if changes.templates {
            view.templates = templates::list(conn)?;
        }
        if changes.calendar_settings {
            view.calendar_rules = calendar::rules(conn)?;
            view.my_emails = calendar::list_setting(conn, calendar::MY_EMAILS)?;
            view.company_domains = calendar::list_setting(conn, calendar::COMPANY_DOMAINS)?;
            view.last_import_folder = settings::get(conn, calendar::LAST_IMPORT_FOLDER)?;
        }
        if changes.backups {
            view.backups = backup::list(store.path())?;
        }
        if changes.review {
            view.review.load_lists(conn, today)?;
        }
        // The review's figures read time, meetings, plans and the roster: any of them changing
        // makes the draft stale; it is built again when the screen next shows it.
        if changes.review
            || time_changed
            || changes.roster
            || changes.development_settings
            || !changes.meetings.is_nobody()
            || !changes.development.is_nobody()
        {
            view.review.stale = true;
            view.review.records_stale = true;
        }
        Ok(())
    }
}

/// The prep cards of `people`, the open meeting and the history shown, when a change
/// touched them.
fn refresh_meetings(
    conn: &rusqlite::Connection,
    view: &mut super::ViewModel,
    selection: &super::Selection,
    people: &People,
    meetings: &People,
    today: chrono::NaiveDate,
) -> Result<(), StoreError> {
    if people.is_nobody() {
        return Ok(());
    }
    if let Some(inputs) = &mut view.prep_inputs {
        match people {
            People::Nobody => {}
            People::Some(ids) => {
                for &id in ids {
                    crate::store::prep::refresh_architect(conn, inputs, id)?;
                    if let Some(sheet) = &mut view.prep {
                        prep::update(sheet, inputs, id);
                    }
                }
            }
            People::Everyone => {
                let ids: Vec<ArchitectId> = inputs.architects.iter().map(|a| a.id).collect();
                for id in ids {
                    crate::store::prep::refresh_architect(conn, inputs, id)?;
                }
                view.prep = Some(prep::build(inputs));
            }
        }
    }
    if meetings.is_nobody() {
        // Development only: the open meeting's list of goals to tick may have changed.
        if let Some(meeting) = &view.meeting
            && people.contains(meeting.meeting.architect_id)
        {
            view.reload_meeting(conn)?;
        }
        return Ok(());
    }
    let horizon =
        today.checked_add_days(chrono::Days::new(crate::model::one_on_one::MAX_DAYS_AHEAD)).unwrap_or(today);
    match meetings {
        People::Some(ids) => {
            for &id in ids {
                match one_on_ones::last_held_of(conn, id, horizon)? {
                    Some(on) => view.last_held.insert(id, on),
                    None => view.last_held.remove(&id),
                };
                view.energy
                    .insert(id, one_on_ones::energy_trend_of(conn, id, super::view::ENERGY_TREND_MEETINGS)?);
                view.energy.retain(|_, trend| !trend.is_empty());
                view.my_actions.retain(|a| a.architect_id != id);
                view.my_actions.extend(agenda::my_open_actions_with(conn, id, today)?);
            }
            sort_my_actions(&mut view.my_actions);
        }
        People::Everyone => {
            view.last_held = one_on_ones::last_held(conn, horizon)?;
            view.my_actions = agenda::my_open_actions(conn, today)?;
            view.energy = one_on_ones::energy_trends(conn, super::view::ENERGY_TREND_MEETINGS)?;
        }
        People::Nobody => {}
    }
    let touches_meeting = match (selection.meeting, &view.meeting) {
        (Some(_), Some(meeting)) => meetings.contains(meeting.meeting.architect_id),
        // A meeting selected but not shown yet (just started): read it.
        (Some(_), None) => true,
        (None, _) => false,
    };
    if touches_meeting {
        view.load_meeting(conn, selection.meeting)?;
    }
    if let Some(architect) = selection.architect
        && meetings.contains(architect)
    {
        view.history = one_on_ones::history(conn, architect)?;
    }
    Ok(())
}
