//! Fills the review's inputs from the records: each quarter's time entries, one-on-ones, action
//! items and talking points; the team, goals, certifications and skill ratings (read once for
//! the three quarters a draft compares); the manager's words; and the frozen figures of
//! finalized reviews. `draft` is what the screen, the command line and the benchmark call.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{StoreError, architects, certifications, goals, review, skills, time};
use crate::model::fiscal::FiscalQuarter;
use crate::model::review::data::{
    ActionInput, ArchitectInput, CertInput, EntryInput, GoalInput, MeetingInput, MeetingRecords, PointInput,
    QuarterData, SkillInput,
};
use crate::model::review::draft::{ReviewDraft, ReviewInputs, Source, build};
use crate::model::review::figures::{BusinessFigures, HiringFigures, QuarterFigures};
use crate::model::time_summary::TimeSettings;

/// What every quarter of a draft shares, read once for all of them: the team and its
/// development records, the Business facts of the quarters counted live, the initiatives and
/// their events, and the hiring records.
struct Shared {
    settings: TimeSettings,
    stalled_days: u32,
    architects: Vec<ArchitectInput>,
    goals: Vec<GoalInput>,
    certs: Vec<CertInput>,
    skills: Vec<SkillInput>,
    /// `None` when every quarter is frozen.
    business: Option<BusinessRecords>,
    hiring: crate::model::hiring::FigureInputs,
}

/// The Business records the review counts: the scorecard's facts over the quarters counted
/// live (from the earliest to the latest), and every initiative and event.
struct BusinessRecords {
    facts: super::scorecard::Facts,
    initiatives: Vec<crate::model::business::Initiative>,
    events: Vec<crate::model::business::InitiativeEvent>,
}

impl Shared {
    /// The shared records for counting `live` (the quarters not frozen; none is fine).
    fn load(conn: &Connection, live: &[FiscalQuarter]) -> Result<Self, StoreError> {
        let architects = architect_inputs(conn)?;
        let mut history = goals::history(conn)?;
        let windows = super::onboarding::goal_windows(conn)?;
        let goals = goals::list(conn)?
            .into_iter()
            .map(|g| GoalInput {
                id: g.id,
                architect: g.architect,
                history: history.remove(&g.id).unwrap_or_default(),
                description: g.fields.description,
                created_on: g.created_on,
                window_opens: windows.get(&g.id).copied(),
                status: g.fields.status,
            })
            .collect();
        let catalogue: HashMap<_, _> =
            certifications::catalogue(conn)?.into_iter().map(|c| (c.id, c)).collect();
        let certs = certifications::records(conn)?
            .into_iter()
            .filter_map(|r| {
                let entry = catalogue.get(&r.cert)?;
                Some(CertInput {
                    architect: r.architect,
                    code: entry.code.clone(),
                    kind: entry.kind,
                    earned_on: r.earned_on,
                    renewals: r.renewals,
                })
            })
            .collect();
        let mut skills: Vec<SkillInput> = Vec::new();
        for (architect, changes) in skills::history(conn)? {
            let mut by_competency: HashMap<_, Vec<(NaiveDate, u8, u8)>> = HashMap::new();
            for change in changes {
                by_competency.entry(change.competency).or_default().push((
                    change.changed_on,
                    change.current,
                    change.target,
                ));
            }
            skills.extend(by_competency.into_iter().map(|(competency, history)| SkillInput {
                architect,
                competency,
                history,
            }));
        }
        skills.sort_by_key(|s| (s.architect, s.competency));
        let settings = time::time_settings(conn)?;
        let business = match (live.iter().min(), live.iter().max()) {
            (Some(&first), Some(&last)) => Some(BusinessRecords {
                facts: super::scorecard::Facts::read(conn, first, last, settings.start_month)?,
                initiatives: super::initiatives::list(conn)?,
                events: super::initiatives::events(conn)?,
            }),
            _ => None,
        };
        Ok(Self {
            settings,
            stalled_days: goals::stalled_days(conn)?,
            architects,
            goals,
            certs,
            skills,
            business,
            hiring: hiring_inputs(conn)?,
        })
    }

    /// `quarter`'s records, counted to today while it runs.
    fn quarter(
        &self,
        conn: &Connection,
        quarter: FiscalQuarter,
        today: NaiveDate,
    ) -> Result<QuarterData, StoreError> {
        let start_month = self.settings.start_month;
        let as_of = QuarterData::as_of_for(quarter, start_month, today);
        let (first, last) = (quarter.start(start_month), quarter.end_inclusive(start_month));
        let business = match &self.business {
            Some(records) => business_figures(conn, records, quarter, first, as_of)?,
            None => None,
        };
        let hiring = hiring_figures(&self.hiring, first, as_of);
        Ok(QuarterData {
            quarter,
            start_month,
            as_of,
            targets: self.settings.targets_for(quarter),
            stalled_days: self.stalled_days,
            entries: entries(conn, first, last)?,
            architects: self.architects.clone(),
            meetings: meetings(conn, first, as_of)?,
            actions: actions(conn, first, as_of)?,
            points: points(conn, first, as_of)?,
            goals: self.goals.clone(),
            certs: self.certs.clone(),
            skills: self.skills.clone(),
            business,
            hiring,
        })
    }
}

fn architect_inputs(conn: &Connection) -> Result<Vec<ArchitectInput>, StoreError> {
    Ok(architects::list(conn)?
        .into_iter()
        .map(|a| ArchitectInput {
            id: a.id,
            name: a.fields.name,
            cadence: a.fields.cadence,
            status: a.fields.status,
            started_on: a.fields.started_on,
            readiness: a.fields.readiness,
            readiness_assessed_on: a.fields.readiness_assessed_on,
        })
        .collect())
}

/// The one-on-ones, action items and talking points behind `quarter`'s coaching figures, as
/// counted on `today` (what a coaching figure's link lists).
pub fn meeting_records(
    conn: &Connection,
    quarter: FiscalQuarter,
    today: NaiveDate,
) -> Result<MeetingRecords, StoreError> {
    let start_month = time::time_settings(conn)?.start_month;
    let as_of = QuarterData::as_of_for(quarter, start_month, today);
    let first = quarter.start(start_month);
    let data = QuarterData {
        architects: architect_inputs(conn)?,
        meetings: meetings(conn, first, as_of)?,
        actions: actions(conn, first, as_of)?,
        points: points(conn, first, as_of)?,
        ..QuarterData::empty(quarter, start_month, as_of)
    };
    Ok(crate::model::review::data::meeting_records(&data))
}

/// The Business figures of `quarter` from its first day to `as_of` (its last day, or today
/// while it runs). `None` when there is no record at all, so the review says it is not
/// recorded rather than showing zeros.
fn business_figures(
    conn: &Connection,
    records: &BusinessRecords,
    quarter: FiscalQuarter,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Result<Option<BusinessFigures>, StoreError> {
    use crate::model::business::{MilestoneState, OpportunityStatus, network::Touch};
    use crate::model::review::figures::{ScorecardLine, StageLine};
    let start_month = time::time_settings(conn)?.start_month;
    let BusinessRecords { facts, initiatives, events } = records;
    if facts.opportunities.is_empty()
        && facts.contacts.is_empty()
        && !facts.metrics.iter().any(|m| m.fields.quarter == quarter)
        && initiatives.is_empty()
    {
        return Ok(None);
    }
    let card = facts.scorecard(quarter, start_month, as_of);
    let within = |day: NaiveDate| first <= day && day <= as_of;
    let won_in_quarter: Vec<_> = facts
        .opportunities
        .iter()
        .filter(|o| o.status == OpportunityStatus::Won && o.closed_on.is_some_and(within))
        .collect();
    let won: std::collections::HashSet<_> =
        facts.opportunities.iter().filter(|o| o.status == OpportunityStatus::Won).map(|o| o.id).collect();
    let milestones: Vec<_> = facts.milestones.iter().filter(|m| won.contains(&m.opportunity)).collect();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let in_quarter: Vec<_> = events.iter().filter(|e| within(e.fields.held_on)).collect();
    let influenced: std::collections::BTreeSet<_> = initiatives
        .iter()
        .filter(|i| in_quarter.iter().any(|e| e.initiative == i.id))
        .flat_map(|i| i.fields.opportunities.iter().copied())
        .collect();
    // Actual consumption: the last month of the quarter that has any, all accounts together.
    let consumption_actual = facts
        .consumption
        .iter()
        .filter(|(month, _)| within(*month))
        .max_by_key(|(month, _)| *month)
        .map_or(0, |(_, dollars)| *dollars);
    // Planned: the monthly consumption the wins' milestones due by then expect.
    let consumption_planned: i64 = milestones
        .iter()
        .filter(|m| m.state != MilestoneState::Cancelled && m.due_on.is_some_and(|d| d <= as_of))
        .filter_map(|m| m.expected_acr)
        .sum();
    Ok(Some(BusinessFigures {
        wins: count(won_in_quarter.len()),
        wins_acr_monthly: won_in_quarter.iter().map(|o| o.monthly_acr as f64).sum(),
        pipeline: card
            .pipeline
            .iter()
            .map(|line| StageLine {
                stage: line.stage.number(),
                name: line.stage.name().to_owned(),
                open: count(line.count),
                acr_monthly: line.monthly_acr as f64,
            })
            .collect(),
        wins_with_plan: count(card.standards.coverage.with_plan),
        wins_total: count(card.standards.coverage.wins),
        milestones_committed: count(milestones.iter().filter(|m| m.committed).count()),
        milestones_live: count(milestones.iter().filter(|m| m.state == MilestoneState::Live).count()),
        milestones_at_risk: count(
            milestones
                .iter()
                .filter(|m| matches!(m.state, MilestoneState::AtRisk | MilestoneState::Blocked))
                .count(),
        ),
        consumption_actual: consumption_actual as f64,
        consumption_planned: consumption_planned as f64,
        scorecard: card
            .lines
            .iter()
            .map(|line| ScorecardLine {
                metric: line.name.clone(),
                target: line.target as f64 / 100.0,
                actual: line.actual().map(|a| a as f64 / 100.0),
            })
            .collect(),
        contacts: count(facts.contacts.iter().filter(|c| c.created_on <= as_of).count()),
        contacts_within_interval: count(
            facts
                .contacts
                .iter()
                .filter(|c| c.created_on <= as_of && c.status_on(as_of).touch != Touch::PastMax)
                .count(),
        ),
        initiatives_progressed: count(
            initiatives.iter().filter(|i| in_quarter.iter().any(|e| e.initiative == i.id)).count(),
        ),
        events_held: count(in_quarter.len()),
        event_attendance: in_quarter.iter().filter_map(|e| e.fields.attendance).sum(),
        opportunities_influenced: count(influenced.len()),
        new_market_wins: count(won_in_quarter.iter().filter(|o| influenced.contains(&o.id)).count()),
        won: win_refs(conn, &won_in_quarter)?,
    }))
}

/// The largest of the quarter's wins with their title and account, for the list under the
/// figures (each opens the win).
fn win_refs(
    conn: &Connection,
    won: &[&crate::model::business::OpportunityFacts],
) -> Result<Vec<crate::model::review::figures::WinRef>, StoreError> {
    let mut largest: Vec<_> = won.to_vec();
    largest.sort_by(|a, b| b.monthly_acr.cmp(&a.monthly_acr).then(a.id.0.cmp(&b.id.0)));
    largest.truncate(crate::model::review::figures::LIST_LIMIT);
    let mut read = conn.prepare_cached(
        "SELECT o.title, a.name FROM opportunities o JOIN accounts a ON a.id = o.account_id WHERE o.id = ?1",
    )?;
    largest
        .into_iter()
        .filter_map(|o| o.closed_on.map(|closed_on| (o, closed_on)))
        .map(|(o, closed_on)| {
            let (title, account) =
                read.query_row([o.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            Ok(crate::model::review::figures::WinRef {
                opportunity: o.id,
                title,
                account,
                closed_on,
                acr_monthly: o.monthly_acr as f64,
            })
        })
        .collect()
}

/// Every hiring record the figures count.
fn hiring_inputs(conn: &Connection) -> Result<crate::model::hiring::FigureInputs, StoreError> {
    Ok(crate::model::hiring::FigureInputs {
        requisitions: super::requisitions::dates(conn)?,
        offers: super::candidates::offer_decisions(conn)?,
        scorecards: super::interviews::timings(conn)?,
        slates: super::requisitions::slate_inputs(conn)?,
        departures: super::departures::inputs(conn)?,
    })
}

/// The Hiring figures from `first` to `as_of`; `None` when nothing was ever recorded.
fn hiring_figures(
    inputs: &crate::model::hiring::FigureInputs,
    first: NaiveDate,
    as_of: NaiveDate,
) -> Option<HiringFigures> {
    if inputs.requisitions.is_empty() && inputs.departures.is_empty() {
        return None;
    }
    let end_of_day = as_of.and_hms_opt(23, 59, 59).unwrap_or_default();
    let f = crate::model::hiring::quarter_figures(inputs, first, as_of, end_of_day);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Some(HiringFigures {
        requisitions_filled: count(f.filled),
        days_to_fill_average: f.average_days_to_fill(),
        slates_meeting_policy: count(f.slates.yes),
        slates: count(f.slates.yes + f.slates.no),
        panels_meeting_policy: count(f.panels.yes),
        panels: count(f.panels.yes + f.panels.no),
        scorecards_on_time: count(f.scorecards_on_time),
        scorecards: count(f.scorecards_on_time + f.scorecards_late),
        moved_to_senior_roles: count(f.moved_to_senior_roles),
    })
}

fn entries(conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<Vec<EntryInput>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_date, category, minutes, description FROM time_entries \
         WHERE entry_date BETWEEN ?1 AND ?2 ORDER BY entry_date, id",
    )?;
    let rows = stmt
        .query_map(params![first, last], |row| {
            Ok(EntryInput {
                date: row.get(0)?,
                category: time::category_at(row, 1)?,
                minutes: row.get(2)?,
                description: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The one-on-ones held in the range: one started and closed untouched was not held (the rule
/// This week and the cadence follow) and counts nowhere.
fn meetings(conn: &Connection, first: NaiveDate, as_of: NaiveDate) -> Result<Vec<MeetingInput>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, architect_id, held_on, mood FROM one_on_ones \
         WHERE held = 1 AND held_on BETWEEN ?1 AND ?2 ORDER BY held_on, id",
    )?;
    let rows = stmt
        .query_map(params![first, as_of], |row| {
            Ok(MeetingInput {
                id: row.get(0)?,
                architect: row.get(1)?,
                held_on: row.get(2)?,
                mood: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Action items closed in the quarter, and those open on `as_of` and past due (open now, or
/// closed later).
fn actions(conn: &Connection, first: NaiveDate, as_of: NaiveDate) -> Result<Vec<ActionInput>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, raised_in, text, due_on, done_on FROM action_items \
         WHERE done_on BETWEEN ?1 AND ?2 \
         UNION ALL \
         SELECT architect_id, raised_in, text, due_on, done_on FROM action_items \
         WHERE done_on IS NULL AND due_on < ?2 \
         UNION ALL \
         SELECT architect_id, raised_in, text, due_on, done_on FROM action_items \
         WHERE done_on > ?2 AND due_on < ?2",
    )?;
    let rows = stmt
        .query_map(params![first, as_of], |row| {
            Ok(ActionInput {
                architect: row.get(0)?,
                meeting: row.get(1)?,
                text: row.get(2)?,
                due_on: row.get(3)?,
                done_on: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Talking points raised by `as_of` and open at some time in the quarter (not discussed, or
/// discussed from its first day on), each with the meetings it was carried into by `as_of`.
fn points(conn: &Connection, first: NaiveDate, as_of: NaiveDate) -> Result<Vec<PointInput>, StoreError> {
    const CARRIED: &str = "(SELECT count(*) FROM one_on_ones x WHERE x.architect_id = p.architect_id \
         AND x.held_on > m.held_on AND x.held_on <= ?2 AND (d.held_on IS NULL OR x.held_on < d.held_on))";
    let sql = format!(
        "SELECT p.architect_id, p.raised_in, p.text, m.held_on, d.held_on, {CARRIED} \
         FROM talking_points p JOIN one_on_ones m ON m.id = p.raised_in \
         LEFT JOIN one_on_ones d ON d.id = p.discussed_in \
         WHERE p.discussed_in IS NULL AND m.held_on <= ?2 \
         UNION ALL \
         SELECT p.architect_id, p.raised_in, p.text, m.held_on, d.held_on, {CARRIED} \
         FROM one_on_ones d JOIN talking_points p ON p.discussed_in = d.id \
         JOIN one_on_ones m ON m.id = p.raised_in \
         WHERE d.held_on >= ?1 AND m.held_on <= ?2"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows: Vec<PointInput> = stmt
        .query_map(params![first, as_of], |row| {
            Ok(PointInput {
                architect: row.get(0)?,
                meeting: row.get(1)?,
                text: row.get(2)?,
                raised_on: row.get(3)?,
                discussed_on: row.get(4)?,
                carried: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|p| p.carried > 0).collect())
}

/// A quarter's figures computed from the records now (what finalizing stores).
pub fn live_figures(
    conn: &Connection,
    quarter: FiscalQuarter,
    today: NaiveDate,
) -> Result<QuarterFigures, StoreError> {
    let shared = Shared::load(conn, &[quarter])?;
    Ok(crate::model::review::data::figures(&shared.quarter(conn, quarter, today)?))
}

/// Everything the draft of `quarter` is built from. Each quarter compared is frozen when its
/// review is finalized, otherwise counted live; what the live ones share is read once.
pub fn inputs(
    conn: &Connection,
    quarter: FiscalQuarter,
    today: NaiveDate,
) -> Result<ReviewInputs, StoreError> {
    let previous = quarter.previous();
    let year_ago =
        FiscalQuarter::new(quarter.fiscal_year().saturating_sub(1), quarter.quarter()).unwrap_or(previous);
    let current_frozen = review::snapshot(conn, quarter)?;
    let previous_frozen = review::snapshot(conn, previous)?;
    let year_ago_frozen = review::snapshot(conn, year_ago)?;
    let live: Vec<FiscalQuarter> = [
        (quarter, current_frozen.is_none()),
        (previous, previous_frozen.is_none()),
        (year_ago, year_ago_frozen.is_none()),
    ]
    .into_iter()
    .filter_map(|(q, live)| live.then_some(q))
    .collect();
    let shared = Shared::load(conn, &live)?;
    let source = |q: FiscalQuarter, frozen: Option<QuarterFigures>| -> Result<Source, StoreError> {
        Ok(match frozen {
            Some(figures) => Source::Frozen(figures),
            None => Source::Live(shared.quarter(conn, q, today)?),
        })
    };
    let previous_words = review::words(conn, previous)?;
    let has_previous = previous_words.state.is_final()
        || !previous_words.priorities.is_empty()
        || !previous_words.ratings.is_empty();
    Ok(ReviewInputs {
        quarter,
        start_month: shared.settings.start_month,
        today,
        current: source(quarter, current_frozen)?,
        previous: source(previous, previous_frozen)?,
        year_ago: source(year_ago, year_ago_frozen)?,
        words: review::words(conn, quarter)?,
        previous_words: has_previous.then_some(previous_words),
        competencies: review::competencies(conn)?,
    })
}

/// The draft of `quarter` as of `today`.
pub fn draft(conn: &Connection, quarter: FiscalQuarter, today: NaiveDate) -> Result<ReviewDraft, StoreError> {
    Ok(build(&inputs(conn, quarter, today)?))
}

/// The quarter the review opens on: the current one, or the one just ended during the first two
/// weeks of a quarter (when the review is written).
pub fn default_quarter(settings: &TimeSettings, today: NaiveDate) -> FiscalQuarter {
    let current = settings.quarter_of(today);
    let started = current.start(settings.start_month);
    if (today - started).num_days() < 14 { current.previous() } else { current }
}
