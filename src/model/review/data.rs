//! The records of one quarter as plain data (`store::review_data` fills it), and the figures
//! computed from them: the time split week by week, one-on-ones held against due, action
//! items, carried talking points, energy, goals, certifications, skill gaps and readiness.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike as _, Month, NaiveDate};

use super::figures::{
    Activity, BusinessFigures, CertChange, CertEvent, CoachingFigures, DriftWeek, GoalRef, HiringFigures,
    ItemRef, LIST_LIMIT, MonthEnergy, OneOnOneRow, QuarterFigures, ReadinessRow, SNAPSHOT_VERSION,
    TimeFigures, WeekFigure,
};
use crate::model::architect::{Cadence, Choice as _, Readiness, Status};
use crate::model::certification::{self, CertKind};
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::goal::{self, GoalStatus, ProgressPoint};
use crate::model::ids::{ArchitectId, CompetencyId, GoalId, OneOnOneId};
use crate::model::split::{Category, DriftStatus, Split, Targets};

/// How many weeks off target the review names, and activities per list.
const DRIFTS_SHOWN: usize = 3;
const ACTIVITIES_SHOWN: usize = 3;
/// A point carried into more meetings than this is one the review names.
pub const CARRIED_MORE_THAN: u32 = 2;

/// One quarter's records, as far as the review needs them. Lists may hold more than the
/// quarter (a superset is fine): the figures filter by date.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarterData {
    pub quarter: FiscalQuarter,
    pub start_month: Month,
    /// The day figures are counted to: the quarter's last day, or today while it runs.
    pub as_of: NaiveDate,
    pub targets: Targets,
    /// Days without progress after which an open goal is stalled.
    pub stalled_days: u32,
    pub entries: Vec<EntryInput>,
    pub architects: Vec<ArchitectInput>,
    pub meetings: Vec<MeetingInput>,
    pub actions: Vec<ActionInput>,
    pub points: Vec<PointInput>,
    pub goals: Vec<GoalInput>,
    pub certs: Vec<CertInput>,
    pub skills: Vec<SkillInput>,
    pub business: Option<BusinessFigures>,
    pub hiring: Option<HiringFigures>,
}

impl QuarterData {
    /// A quarter with no records, counted to `as_of`.
    pub fn empty(quarter: FiscalQuarter, start_month: Month, as_of: NaiveDate) -> Self {
        Self {
            quarter,
            start_month,
            as_of,
            targets: Targets::default(),
            stalled_days: goal::DEFAULT_STALLED_DAYS,
            entries: Vec::new(),
            architects: Vec::new(),
            meetings: Vec::new(),
            actions: Vec::new(),
            points: Vec::new(),
            goals: Vec::new(),
            certs: Vec::new(),
            skills: Vec::new(),
            business: None,
            hiring: None,
        }
    }

    pub fn first_day(&self) -> NaiveDate {
        self.quarter.start(self.start_month)
    }

    pub fn last_day(&self) -> NaiveDate {
        self.quarter.end_inclusive(self.start_month)
    }

    /// The day counted to for `quarter` seen on `today`: its last day once it is over.
    pub fn as_of_for(quarter: FiscalQuarter, start_month: Month, today: NaiveDate) -> NaiveDate {
        today.min(quarter.end_inclusive(start_month))
    }

    fn counted(&self, day: NaiveDate) -> bool {
        (self.first_day()..=self.as_of).contains(&day)
    }
}

/// A time entry: its day, category, minutes and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryInput {
    pub date: NaiveDate,
    pub category: Category,
    pub minutes: u32,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchitectInput {
    pub id: ArchitectId,
    pub name: String,
    pub cadence: Cadence,
    pub status: Status,
    pub started_on: Option<NaiveDate>,
    pub readiness: Readiness,
    pub readiness_assessed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingInput {
    pub id: OneOnOneId,
    pub architect: ArchitectId,
    pub held_on: NaiveDate,
    pub mood: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInput {
    pub architect: ArchitectId,
    pub meeting: OneOnOneId,
    pub text: String,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

/// A talking point with the number of meetings it was carried into (held after it was raised,
/// before the one that discussed it, up to the day counted to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointInput {
    pub architect: ArchitectId,
    pub meeting: OneOnOneId,
    pub text: String,
    pub raised_on: NaiveDate,
    pub discussed_on: Option<NaiveDate>,
    pub carried: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalInput {
    pub id: GoalId,
    pub architect: ArchitectId,
    pub description: String,
    pub created_on: NaiveDate,
    /// For a goal of an onboarding plan, the day its window opens: not stalled before it.
    pub window_opens: Option<NaiveDate>,
    pub status: GoalStatus,
    /// Progress points in any order.
    pub history: Vec<ProgressPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInput {
    pub architect: ArchitectId,
    pub code: String,
    pub kind: CertKind,
    pub earned_on: NaiveDate,
    /// Oldest first.
    pub renewals: Vec<NaiveDate>,
}

/// One architect's rating in one competency: every dated (current, target), oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillInput {
    pub architect: ArchitectId,
    pub competency: CompetencyId,
    pub history: Vec<(NaiveDate, u8, u8)>,
}

/// The figures of the quarter the data holds.
pub fn figures(data: &QuarterData) -> QuarterFigures {
    let time = time_figures(data);
    let coaching = coaching_figures(data);
    let has_records = time.total.total() > 0
        || coaching.held > 0
        || coaching.actions_closed > 0
        || !coaching.cert_events.is_empty()
        || !coaching.readiness.is_empty()
        || data.goals.iter().flat_map(|g| &g.history).any(|p| data.counted(p.on))
        || data.skills.iter().flat_map(|s| &s.history).any(|(on, _, _)| data.counted(*on))
        || data.business.is_some()
        || data.hiring.is_some();
    QuarterFigures {
        version: SNAPSHOT_VERSION,
        quarter: data.quarter,
        first_day: data.first_day(),
        last_day: data.last_day(),
        as_of: data.as_of,
        has_records,
        time,
        coaching,
        business: data.business.clone(),
        hiring: data.hiring.clone(),
    }
}

fn time_figures(data: &QuarterData) -> TimeFigures {
    let (first, last) = (data.first_day(), data.last_day());
    let in_quarter: Vec<&EntryInput> =
        data.entries.iter().filter(|e| (first..=last).contains(&e.date)).collect();
    let total: Split = in_quarter.iter().map(|e| (e.category, e.minutes)).collect();
    let weeks: Vec<WeekFigure> = data
        .quarter
        .weeks(data.start_month)
        .into_iter()
        .map(|week| {
            let (first_day, last_day) = (week.monday().max(first), week.sunday().min(last));
            let split = in_quarter
                .iter()
                .filter(|e| (first_day..=last_day).contains(&e.date))
                .map(|e| (e.category, e.minutes))
                .collect();
            WeekFigure { week, first_day, last_day, split }
        })
        .collect();
    let targets = data.targets;
    let logged: Vec<&WeekFigure> = weeks.iter().filter(|w| w.split.total() > 0).collect();
    let on_target = logged.iter().filter(|w| on_target(&w.split, &targets)).count();

    let mut drifts: Vec<DriftWeek> = logged
        .iter()
        .filter_map(|w| {
            let category = furthest(&w.split, &targets);
            if w.split.status(category, &targets) == DriftStatus::OnTrack {
                return None;
            }
            let drift_points = w.split.drift(category, &targets);
            let week_entries = in_quarter.iter().copied().filter(|e| IsoWeek::of(e.date) == w.week);
            // Over target: what the category's time went on. Short: what took its place.
            let spent_on = if drift_points > 0.0 {
                top_activities(week_entries.filter(|e| e.category == category), ACTIVITIES_SHOWN)
            } else {
                top_activities(week_entries.filter(|e| e.category != category), ACTIVITIES_SHOWN)
            };
            Some(DriftWeek {
                week: w.week,
                category,
                share_pct: w.split.share_pct(category),
                target_pct: targets.pct(category),
                drift_points,
                minutes: w.split.minutes(category),
                spent_on,
            })
        })
        .collect();
    // Furthest first; a tie goes to the earlier week.
    drifts.sort_by(|a, b| b.drift_points.abs().total_cmp(&a.drift_points.abs()).then(a.week.cmp(&b.week)));
    drifts.truncate(DRIFTS_SHOWN);

    let top = Category::ALL
        .iter()
        .flat_map(|&c| {
            top_activities(in_quarter.iter().copied().filter(|e| e.category == c), ACTIVITIES_SHOWN)
        })
        .collect();
    TimeFigures {
        targets,
        total,
        weeks_logged: u32::try_from(logged.len()).unwrap_or(u32::MAX),
        weeks_on_target: u32::try_from(on_target).unwrap_or(u32::MAX),
        weeks,
        drifts,
        top_activities: top,
    }
}

/// Every category within its tolerance.
pub fn on_target(split: &Split, targets: &Targets) -> bool {
    Category::ALL.iter().all(|&c| split.status(c, targets) == DriftStatus::OnTrack)
}

/// The category furthest from its target; ties go to the one the role lists first.
fn furthest(split: &Split, targets: &Targets) -> Category {
    let mut furthest = Category::Coaching;
    for &category in Category::ALL {
        if split.drift(category, targets).abs() > split.drift(furthest, targets).abs() {
            furthest = category;
        }
    }
    furthest
}

/// The descriptions with the most minutes, most first (ties by description), at most `n`.
fn top_activities<'a>(entries: impl Iterator<Item = &'a EntryInput>, n: usize) -> Vec<Activity> {
    let mut by_text: BTreeMap<(Category, String), (u32, u32)> = BTreeMap::new();
    for entry in entries {
        let description = entry.description.trim();
        let description = if description.is_empty() { "(no description)" } else { description };
        let slot = by_text.entry((entry.category, description.to_owned())).or_default();
        slot.0 = slot.0.saturating_add(entry.minutes);
        slot.1 += 1;
    }
    let mut activities: Vec<Activity> = by_text
        .into_iter()
        .map(|((category, description), (minutes, entries))| Activity {
            category,
            description,
            minutes,
            entries,
        })
        .collect();
    activities.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.description.cmp(&b.description)));
    activities.truncate(n);
    activities
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn coaching_figures(data: &QuarterData) -> CoachingFigures {
    let names: HashMap<ArchitectId, &str> = data.architects.iter().map(|a| (a.id, a.name.as_str())).collect();
    let name = |id: ArchitectId| names.get(&id).copied().unwrap_or("(unknown)").to_owned();
    let mut figures = CoachingFigures::default();
    one_on_ones(data, &mut figures);

    // Action items: closed in the quarter, and overdue on the day counted to.
    figures.actions_closed = count(closed_actions(data).count());
    let overdue = overdue_actions(data);
    figures.actions_overdue = count(overdue.len());
    figures.overdue = overdue
        .iter()
        .take(LIST_LIMIT)
        .map(|a| ItemRef {
            architect: a.architect,
            name: name(a.architect),
            meeting: a.meeting,
            text: a.text.clone(),
            on: a.due_on.unwrap_or(data.as_of),
            times: 0,
        })
        .collect();

    // Talking points open at some time in the quarter, carried into more than two meetings.
    let carried = carried_points(data);
    figures.points_carried = count(carried.len());
    figures.carried = carried
        .iter()
        .take(LIST_LIMIT)
        .map(|p| ItemRef {
            architect: p.architect,
            name: name(p.architect),
            meeting: p.meeting,
            text: p.text.clone(),
            on: p.raised_on,
            times: p.carried,
        })
        .collect();

    energy(data, &mut figures);
    goals(data, &mut figures, &name);
    certifications(data, &mut figures, &name);

    let before = data.first_day().pred_opt().unwrap_or(data.first_day());
    figures.skill_gap_before = team_gap(&data.skills, before);
    figures.skill_gap_after = team_gap(&data.skills, data.as_of);

    let mut readiness: Vec<ReadinessRow> = data
        .architects
        .iter()
        .filter_map(|a| {
            let assessed_on = a.readiness_assessed_on.filter(|d| data.counted(*d))?;
            (a.readiness != Readiness::NotAssessed).then(|| ReadinessRow {
                architect: a.id,
                name: a.name.clone(),
                readiness: a.readiness,
                assessed_on,
            })
        })
        .collect();
    readiness.sort_by(|a, b| a.assessed_on.cmp(&b.assessed_on).then_with(|| a.name.cmp(&b.name)));
    figures.readiness = readiness;
    figures
}

/// Action items closed in the quarter.
fn closed_actions(data: &QuarterData) -> impl Iterator<Item = &ActionInput> {
    data.actions.iter().filter(|a| a.done_on.is_some_and(|d| data.counted(d)))
}

/// Action items open on the day counted to and past their due date, the longest overdue first.
fn overdue_actions(data: &QuarterData) -> Vec<&ActionInput> {
    let mut overdue: Vec<&ActionInput> = data
        .actions
        .iter()
        .filter(|a| {
            let open = a.done_on.is_none_or(|done| done > data.as_of);
            open && a.due_on.is_some_and(|due| due < data.as_of)
        })
        .collect();
    overdue.sort_by_key(|a| (a.due_on, a.meeting));
    overdue
}

/// Talking points open at some time in the quarter and carried into more than two meetings,
/// the most carried first.
fn carried_points(data: &QuarterData) -> Vec<&PointInput> {
    let mut carried: Vec<&PointInput> = data
        .points
        .iter()
        .filter(|p| {
            p.raised_on <= data.as_of
                && p.discussed_on.is_none_or(|d| d >= data.first_day())
                && p.carried > CARRIED_MORE_THAN
        })
        .collect();
    carried.sort_by(|a, b| {
        b.carried.cmp(&a.carried).then(a.raised_on.cmp(&b.raised_on)).then(a.meeting.cmp(&b.meeting))
    });
    carried
}

/// The one-on-ones held in the quarter (to the day counted to).
fn held_meetings(data: &QuarterData) -> impl Iterator<Item = &MeetingInput> {
    data.meetings.iter().filter(|m| data.counted(m.held_on))
}

/// One record behind a coaching figure: a one-on-one, or an item raised in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub architect: ArchitectId,
    pub name: String,
    pub meeting: OneOnOneId,
    /// Held on (a one-on-one), closed on, due on (an action item), raised on (a talking point).
    pub on: NaiveDate,
    /// The item's text, or a one-on-one's energy score.
    pub text: String,
}

/// The records behind a quarter's coaching figures, each list the figure counts, in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecords {
    pub quarter: FiscalQuarter,
    pub as_of: NaiveDate,
    pub held: Vec<MeetingRecord>,
    pub energy: Vec<MeetingRecord>,
    pub actions_closed: Vec<MeetingRecord>,
    pub actions_overdue: Vec<MeetingRecord>,
    pub points_carried: Vec<MeetingRecord>,
}

impl MeetingRecords {
    pub fn list(&self, list: super::figures::MeetingList) -> &[MeetingRecord] {
        use super::figures::MeetingList;
        match list {
            MeetingList::Held => &self.held,
            MeetingList::Energy => &self.energy,
            MeetingList::ActionsClosed => &self.actions_closed,
            MeetingList::ActionsOverdue => &self.actions_overdue,
            MeetingList::PointsCarried => &self.points_carried,
        }
    }
}

/// The records the coaching figures of `data` count, with the same rules.
pub fn meeting_records(data: &QuarterData) -> MeetingRecords {
    let names: HashMap<ArchitectId, &str> = data.architects.iter().map(|a| (a.id, a.name.as_str())).collect();
    let name = |id: ArchitectId| names.get(&id).copied().unwrap_or("(unknown)").to_owned();
    let mut held: Vec<&MeetingInput> = held_meetings(data).collect();
    held.sort_by_key(|m| (m.held_on, m.id));
    let meeting = |m: &&MeetingInput, text: String| MeetingRecord {
        architect: m.architect,
        name: name(m.architect),
        meeting: m.id,
        on: m.held_on,
        text,
    };
    let mut closed: Vec<&ActionInput> = closed_actions(data).collect();
    closed.sort_by_key(|a| (a.done_on, a.meeting));
    let action = |a: &&ActionInput, on: Option<NaiveDate>| MeetingRecord {
        architect: a.architect,
        name: name(a.architect),
        meeting: a.meeting,
        on: on.unwrap_or(data.as_of),
        text: a.text.clone(),
    };
    MeetingRecords {
        quarter: data.quarter,
        as_of: data.as_of,
        energy: held
            .iter()
            .filter_map(|m| m.mood.map(|mood| meeting(m, format!("energy {mood} of 5"))))
            .collect(),
        held: held.iter().map(|m| meeting(m, String::new())).collect(),
        actions_closed: closed.iter().map(|a| action(a, a.done_on)).collect(),
        actions_overdue: overdue_actions(data).iter().map(|a| action(a, a.due_on)).collect(),
        points_carried: carried_points(data)
            .iter()
            .map(|p| MeetingRecord {
                architect: p.architect,
                name: name(p.architect),
                meeting: p.meeting,
                on: p.raised_on,
                text: format!("{} (carried {} times)", p.text, p.carried),
            })
            .collect(),
    }
}

/// Held against due per architect. Due counts the weeks from the quarter's start (or the day
/// they joined) to the day counted to, rounded to whole weeks: every week for a weekly cadence,
/// every other week (rounded up) for a biweekly one. Counted: the current team (active), and
/// anyone else who had a one-on-one in the quarter.
fn one_on_ones(data: &QuarterData, figures: &mut CoachingFigures) {
    let mut held: HashMap<ArchitectId, Vec<&MeetingInput>> = HashMap::new();
    for meeting in held_meetings(data) {
        held.entry(meeting.architect).or_default().push(meeting);
    }
    let mut rows: Vec<OneOnOneRow> = data
        .architects
        .iter()
        .filter_map(|a| {
            let meetings = held.get(&a.id).map_or(&[][..], Vec::as_slice);
            if meetings.is_empty() && a.status != Status::Active {
                return None;
            }
            let from = a.started_on.map_or(data.first_day(), |s| s.max(data.first_day()));
            if from > data.as_of && meetings.is_empty() {
                return None;
            }
            let due = due_between(a.cadence, from, data.as_of);
            let last = meetings.iter().max_by_key(|m| m.held_on).map(|m| (m.id, m.held_on));
            Some(OneOnOneRow {
                architect: a.id,
                name: a.name.clone(),
                cadence: a.cadence,
                held: count(meetings.len()),
                due,
                last,
            })
        })
        .collect();
    rows.sort_by_key(|a| a.name.to_lowercase());
    figures.held = rows.iter().map(|r| r.held).sum();
    figures.due = rows.iter().map(|r| r.due).sum();
    figures.one_on_ones = rows;
}

/// One-on-ones due by `cadence` from `from` to `to` (both included).
pub fn due_between(cadence: Cadence, from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    let days = u32::try_from((to - from).num_days() + 1).unwrap_or(0);
    let weeks = (days + 3) / 7;
    match cadence {
        Cadence::Weekly => weeks,
        Cadence::Biweekly => weeks.div_ceil(2),
    }
}

/// Average energy over the quarter and per month, and how many scores were low (1 or 2).
fn energy(data: &QuarterData, figures: &mut CoachingFigures) {
    let scored: Vec<(NaiveDate, u8)> =
        held_meetings(data).filter_map(|m| m.mood.map(|mood| (m.held_on, mood))).collect();
    figures.energy_scores = count(scored.len());
    figures.energy_average = average(scored.iter().map(|(_, m)| *m));
    figures.energy_low = count(scored.iter().filter(|(_, m)| *m <= crate::model::prep::LOW_MOOD).count());
    let first = data.first_day();
    figures.energy_by_month = (0..3)
        .filter_map(|offset| first.checked_add_months(chrono::Months::new(offset)))
        .map(|month| {
            let in_month: Vec<u8> = scored
                .iter()
                .filter(|(on, _)| on.year() == month.year() && on.month() == month.month())
                .map(|(_, m)| *m)
                .collect();
            MonthEnergy { month, scores: count(in_month.len()), average: average(in_month.into_iter()) }
        })
        .collect();
}

fn average(values: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, n) = values.fold((0_u32, 0_u32), |(sum, n), v| (sum + u32::from(v), n + 1));
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// The day a done goal reached 100 % for good: the first 100 % point after its last lower one.
/// `None` for a goal that is not done, or was marked done without reaching 100 %.
pub fn completed_on(status: GoalStatus, history: &[ProgressPoint]) -> Option<NaiveDate> {
    if status != GoalStatus::Done {
        return None;
    }
    let mut points: Vec<&ProgressPoint> = history.iter().collect();
    points.sort_by_key(|p| p.on);
    let mut reached = None;
    for point in points {
        if point.progress_pct >= goal::PROGRESS_MAX_PCT {
            reached.get_or_insert(point.on);
        } else {
            reached = None;
        }
    }
    reached
}

/// Goals completed in the quarter, and those stalled on the day counted to (open then, with no
/// progress for the stalled-days setting). Dropped goals are neither.
fn goals(data: &QuarterData, figures: &mut CoachingFigures, name: &impl Fn(ArchitectId) -> String) {
    let mut completed = Vec::new();
    let mut stalled = Vec::new();
    for goal in &data.goals {
        let done_on = completed_on(goal.status, &goal.history);
        if let Some(on) = done_on.filter(|d| data.counted(*d)) {
            completed.push(GoalRef {
                architect: goal.architect,
                name: name(goal.architect),
                goal: goal.id,
                description: goal.description.clone(),
                on,
            });
        }
        let open_then = goal.created_on <= data.as_of
            && match goal.status {
                GoalStatus::Dropped => false,
                GoalStatus::Done => done_on.is_some_and(|d| d > data.as_of),
                GoalStatus::NotStarted | GoalStatus::InProgress => true,
            };
        if !open_then {
            continue;
        }
        let known: Vec<ProgressPoint> = goal.history.iter().filter(|p| p.on <= data.as_of).copied().collect();
        let moved = goal::last_moved(goal::stalled_clock_start(goal.created_on, goal.window_opens), &known);
        if (data.as_of - moved).num_days() >= i64::from(data.stalled_days) {
            stalled.push(GoalRef {
                architect: goal.architect,
                name: name(goal.architect),
                goal: goal.id,
                description: goal.description.clone(),
                on: moved,
            });
        }
    }
    completed.sort_by(|a, b| a.on.cmp(&b.on).then(a.goal.cmp(&b.goal)));
    stalled.sort_by(|a, b| a.on.cmp(&b.on).then(a.goal.cmp(&b.goal)));
    figures.goals_completed = count(completed.len());
    figures.goals_stalled = count(stalled.len());
    completed.truncate(LIST_LIMIT);
    stalled.truncate(LIST_LIMIT);
    figures.completed = completed;
    figures.stalled = stalled;
}

/// Certifications earned, renewed and expired (the day after the last valid day) in the quarter.
fn certifications(data: &QuarterData, figures: &mut CoachingFigures, name: &impl Fn(ArchitectId) -> String) {
    let mut events = Vec::new();
    for cert in &data.certs {
        let event = |change, on| CertEvent {
            architect: cert.architect,
            name: name(cert.architect),
            code: cert.code.clone(),
            change,
            on,
        };
        if data.counted(cert.earned_on) {
            events.push(event(CertChange::Earned, cert.earned_on));
        }
        for &renewed in cert.renewals.iter().filter(|d| data.counted(**d)) {
            events.push(event(CertChange::Renewed, renewed));
        }
        if let Ok(Some(last_valid)) = certification::expiry(cert.kind, cert.earned_on, &cert.renewals)
            && let Some(expired_on) = last_valid.succ_opt()
            && data.counted(expired_on)
        {
            events.push(event(CertChange::Expired, expired_on));
        }
    }
    let of = |change| count(events.iter().filter(|e: &&CertEvent| e.change == change).count());
    figures.certs_earned = of(CertChange::Earned);
    figures.certs_renewed = of(CertChange::Renewed);
    figures.certs_expired = of(CertChange::Expired);
    events
        .sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.name.cmp(&b.name)).then_with(|| a.code.cmp(&b.code)));
    events.truncate(LIST_LIMIT * 2);
    figures.cert_events = events;
}

/// Levels below target over every rating as it stood on `day`.
pub fn team_gap(skills: &[SkillInput], day: NaiveDate) -> u32 {
    skills
        .iter()
        .filter_map(|skill| skill.history.iter().filter(|(on, _, _)| *on <= day).max_by_key(|(on, _, _)| *on))
        .map(|(_, current, target)| u32::from(target.saturating_sub(*current)))
        .sum()
}
