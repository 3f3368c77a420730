//! The weekly prep sheet: who is due a one-on-one in an ISO week by their cadence, and a prep
//! card for each, built from plain inputs (no SQL here; `store::prep` fills [`Inputs`]).
//!
//! Sections the development plan and the time split provide ([`GoalDue`], [`CertAlert`],
//! [`Change`], [`WeekSplit`]) are plain structs too: they are empty until their data exists,
//! and cards and reports show a section only when it has something in it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::architect::{Cadence, Status};
use super::certification::CertState;
use super::fiscal::IsoWeek;
use super::goal::GoalFlags;
use super::ids::{ArchitectId, OneOnOneId};
use super::one_on_one::{ActionItem, Party, PointFields, TalkingPoint};
use super::split::{Split, Targets};

/// A mood at or below this is worth asking about at the next meeting.
pub const LOW_MOOD: u8 = 2;
/// How much of the last meeting's notes a card quotes.
pub const GIST_CHARS: usize = 160;

/// An architect as the prep sheet needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchitectInput {
    pub id: ArchitectId,
    pub name: String,
    pub cadence: Cadence,
    pub status: Status,
    /// Their first day, when it is known: before it (a hire serving their notice) no
    /// one-on-one is due.
    pub starts_on: Option<NaiveDate>,
}

/// Someone not started yet: a hire whose first day is after the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Starting {
    pub architect_id: ArchitectId,
    pub name: String,
    pub starts_on: NaiveDate,
}

/// A meeting, briefly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingRef {
    pub id: OneOnOneId,
    pub held_on: NaiveDate,
    pub mood: Option<u8>,
}

/// A meeting held (or planned) inside the week, with its agenda counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldInput {
    pub meeting: MeetingRef,
    pub points_total: usize,
    pub points_discussed: usize,
    pub actions_total: usize,
    pub actions_open: usize,
}

/// One architect's one-on-one history as far as the week needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryInput {
    /// The last one-on-one before the week.
    pub last: Option<MeetingRef>,
    /// The mood of the one before `last`, to show a trend.
    pub previous_mood: Option<u8>,
    /// A one-on-one held inside the week, if there is one.
    pub in_week: Option<HeldInput>,
    /// A one-on-one started inside the week where nothing happened yet: they are still due,
    /// and the card opens it instead of starting another.
    pub started: Option<MeetingRef>,
    /// The notes of `last`, for their gist and the checkboxes left open in them.
    pub last_notes: String,
    /// Talking points not discussed by the end of `last` (a superset is fine).
    pub points: Vec<TalkingPoint>,
    /// Action items open after `last`, or done since (a superset is fine).
    pub actions: Vec<ActionItem>,
}

/// A development goal worth raising: due within 30 days, overdue, or stalled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalDue {
    pub description: String,
    pub target_on: Option<NaiveDate>,
    pub stalled: bool,
    /// Days past its target date, when it is overdue.
    pub overdue_days: Option<i64>,
    /// On the agenda already: carried over since that day (a talking point about it).
    pub on_agenda_since: Option<NaiveDate>,
}

impl GoalDue {
    /// What the card says of it: "overdue by 12 days", "due Mon 30 Nov", "stalled".
    pub fn flag_text(&self, as_of: NaiveDate) -> String {
        let due = |target| format!("due {}", super::one_on_one::short_date(target, as_of));
        match (self.overdue_days, self.stalled, self.target_on) {
            (Some(1), _, _) => "overdue by 1 day".to_owned(),
            (Some(days), _, _) => format!("overdue by {days} days"),
            (None, true, Some(target)) => format!("stalled · {}", due(target)),
            (None, true, None) => "stalled".to_owned(),
            (None, false, Some(target)) => due(target),
            (None, false, None) => "due".to_owned(),
        }
    }

    /// The words a talking point about it starts with, to know it is on the agenda already.
    pub fn subject(&self) -> String {
        format!("Goal: {}", self.description)
    }
}

/// A certification expiring within 60 days, in its renewal window, or expired.
/// `state` is the words to show ("renewal window open").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertAlert {
    pub code: String,
    pub name: String,
    pub state: String,
    /// The date the state refers to (the expiry).
    pub date: NaiveDate,
    /// On the agenda already: carried over since that day.
    pub on_agenda_since: Option<NaiveDate>,
}

impl CertAlert {
    /// The words a talking point about it starts with.
    pub fn subject(&self) -> String {
        format!("Certification {}", self.code)
    }
}

/// Something that changed since the last one-on-one (a goal moved, a certification earned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub on: NaiveDate,
    pub text: String,
}

/// What the development plan says about one architect this week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Development {
    pub goals: Vec<GoalDue>,
    pub certs: Vec<CertAlert>,
    pub changes: Vec<Change>,
}

/// A goal for the card, if its flags ask for attention (overdue, due within 30 days, stalled),
/// as of `as_of`. For the development store:
/// `goal_due(&goal.description, goal.target_on, GoalFlags::compute(..), as_of)`.
pub fn goal_due(
    description: &str,
    target_on: Option<NaiveDate>,
    flags: GoalFlags,
    as_of: NaiveDate,
) -> Option<GoalDue> {
    flags.any().then(|| GoalDue {
        description: description.to_owned(),
        target_on,
        stalled: flags.stalled,
        overdue_days: target_on.filter(|_| flags.overdue).map(|target| (as_of - target).num_days()),
        on_agenda_since: None,
    })
}

/// A certification for the card, if its state asks for attention (renewal window open,
/// expiring within 60 days, expired). For the development store:
/// `cert_alert(code, name, CertState::on(expires_on, as_of))`.
pub fn cert_alert(code: &str, name: &str, state: CertState) -> Option<CertAlert> {
    let (state, date) = match state {
        CertState::Valid | CertState::NeverExpires => return None,
        CertState::RenewalWindowOpen { closes_on } => ("renewal window open".to_owned(), closes_on),
        CertState::ExpiringSoon { expires_on, days_left: 0 } => ("expires today".to_owned(), expires_on),
        CertState::ExpiringSoon { expires_on, days_left: 1 } => ("expires tomorrow".to_owned(), expires_on),
        CertState::ExpiringSoon { expires_on, days_left } => {
            (format!("expires in {days_left} days"), expires_on)
        }
        CertState::Expired { expired_on } => ("expired".to_owned(), expired_on),
    };
    Some(CertAlert { code: code.to_owned(), name: name.to_owned(), state, date, on_agenda_since: None })
}

/// A new hire's onboarding in their first 90 days (issue 13): the day they are on, their buddy,
/// and the goals of their 30-60-90 plan. Filled from the hiring store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Onboarding {
    /// Day 1 is the start date.
    pub day: i64,
    pub buddy: Option<String>,
    pub items: Vec<OnboardingItem>,
}

impl Onboarding {
    /// Whether `goal` is one of the plan's (same description and due date).
    pub fn lists(&self, goal: &GoalDue) -> bool {
        self.items.iter().any(|item| item.text == goal.description && goal.target_on == Some(item.due_on))
    }
}

/// One goal of an onboarding plan: the day it is due (30, 60, 90) and whether it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnboardingItem {
    pub day: u16,
    pub due_on: NaiveDate,
    pub text: String,
    pub done: bool,
}

/// The manager's own week against the 50/30/20 targets (issue 5).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSplit {
    pub split: Split,
    pub targets: Targets,
}

/// Everything a prep sheet is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub week: IsoWeek,
    pub today: NaiveDate,
    pub architects: Vec<ArchitectInput>,
    pub history: HashMap<ArchitectId, HistoryInput>,
    /// Per architect; missing means nothing to show.
    pub development: HashMap<ArchitectId, Development>,
    pub week_split: Option<WeekSplit>,
    /// New hires in their first 90 days; missing means not onboarding.
    pub onboarding: HashMap<ArchitectId, Onboarding>,
}

/// The day a week's cards are computed for: today in the current week, otherwise the week's
/// Monday (what the week looked like as it began, or will look like by then).
pub fn as_of(week: IsoWeek, today: NaiveDate) -> NaiveDate {
    if IsoWeek::of(today) == week { today } else { week.monday() }
}

/// Whole weeks from the week of `last` to `week`.
fn weeks_between(last: NaiveDate, week: IsoWeek) -> i64 {
    (week.monday() - IsoWeek::of(last).monday()).num_days().div_euclid(7)
}

fn cadence_weeks(cadence: Cadence) -> i64 {
    match cadence {
        Cadence::Weekly => 1,
        Cadence::Biweekly => 2,
    }
}

/// Whether an architect is due a one-on-one in `week`, counting from the last one held before
/// it: weekly every week, biweekly two weeks after the last. Someone never met is due.
pub fn is_due(cadence: Cadence, last_before_week: Option<NaiveDate>, week: IsoWeek) -> bool {
    last_before_week.is_none_or(|last| weeks_between(last, week) >= cadence_weeks(cadence))
}

/// The week the next one-on-one falls due after one held on `last`.
pub fn next_due_week(cadence: Cadence, last: NaiveDate) -> IsoWeek {
    let mut week = IsoWeek::of(last);
    for _ in 0..cadence_weeks(cadence) {
        week = week.next();
    }
    week
}

/// The prep card of an architect due a one-on-one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrepCard {
    pub architect_id: ArchitectId,
    pub name: String,
    pub cadence: Cadence,
    pub last: Option<MeetingRef>,
    pub days_since_last: Option<i64>,
    /// Started this week, nothing in it yet: the card continues it.
    pub started: Option<MeetingRef>,
    /// The first words of the last meeting's notes.
    pub last_gist: Option<String>,
    /// Checkboxes left unticked in the last meeting's notes: promises written down there.
    pub open_in_notes: Vec<String>,
    pub previous_mood: Option<u8>,
    /// Talking points raised earlier and not yet discussed, oldest first.
    pub carried_points: Vec<TalkingPoint>,
    /// Open action items, overdue first, then by due date.
    pub open_actions: Vec<ActionItem>,
    /// Action items done since the last one-on-one.
    pub done_since_last: Vec<ActionItem>,
    pub goals: Vec<GoalDue>,
    pub certs: Vec<CertAlert>,
    pub changes: Vec<Change>,
    /// Talking points to add when the one-on-one starts from this card (carried items come
    /// by themselves).
    pub suggested: Vec<PointFields>,
    /// A new hire's onboarding plan, in their first 90 days.
    pub onboarding: Option<Onboarding>,
}

impl PrepCard {
    pub fn overdue_count(&self, as_of: NaiveDate) -> usize {
        self.open_actions.iter().filter(|a| a.overdue_days(as_of).is_some()).count()
    }

    /// Energy worth asking about: low at the last meeting, or fallen since the one before.
    pub fn energy_flag(&self) -> Option<String> {
        energy_flag(self.last.and_then(|m| m.mood), self.previous_mood)
    }

    /// The one thing to know before reading the card, for the strip above the cards: overdue
    /// actions first, then energy, an overdue goal, promises left open, a certification, a
    /// first meeting; `None` when nothing stands out.
    pub fn headline(&self, as_of: NaiveDate) -> Option<String> {
        let overdue = self.overdue_count(as_of);
        if overdue > 0 {
            return Some(if overdue == 1 {
                "1 overdue action".to_owned()
            } else {
                format!("{overdue} overdue actions")
            });
        }
        if let Some(energy) = self.energy_flag() {
            return Some(energy);
        }
        if let Some(goal) = self.goals.iter().find(|g| g.overdue_days.is_some()) {
            return Some(format!("goal overdue: {}", goal.description));
        }
        let open = self.carried_points.len() + self.open_in_notes.len();
        if open > 0 {
            return Some(if open == 1 {
                "1 item carried over".to_owned()
            } else {
                format!("{open} items carried over")
            });
        }
        if let Some(cert) = self.certs.first() {
            return Some(format!("{} {}", cert.code, cert.state));
        }
        self.days_since_last.is_none().then(|| "first one-on-one".to_owned())
    }

    /// Whether the card has anything besides its header.
    pub fn is_empty(&self) -> bool {
        self.carried_points.is_empty()
            && self.open_actions.is_empty()
            && self.done_since_last.is_empty()
            && self.goals.is_empty()
            && self.certs.is_empty()
            && self.changes.is_empty()
            && self.onboarding.is_none()
    }
}

/// An architect whose one-on-one this week has happened (or is planned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldCard {
    pub architect_id: ArchitectId,
    pub name: String,
    pub held: HeldInput,
}

/// An architect not due this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotDue {
    pub architect_id: ArchitectId,
    pub name: String,
    pub cadence: Cadence,
    pub last_held_on: NaiveDate,
    pub next_due: IsoWeek,
}

/// The week's prep sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct PrepSheet {
    pub week: IsoWeek,
    pub as_of: NaiveDate,
    pub week_split: Option<WeekSplit>,
    /// Due and not yet held, most in need first (never met, then longest since the last).
    pub due: Vec<PrepCard>,
    pub held: Vec<HeldCard>,
    pub not_due: Vec<NotDue>,
    /// On leave: no one-on-one expected.
    pub on_leave: Vec<(ArchitectId, String)>,
    /// Not started yet (their first day is after the week), first to start first.
    pub starting: Vec<Starting>,
}

impl PrepSheet {
    pub fn card(&self, id: ArchitectId) -> Option<&PrepCard> {
        self.due.iter().find(|c| c.architect_id == id)
    }
}

/// Builds the week's prep sheet. Architects who left are not on it.
pub fn build(inputs: &Inputs) -> PrepSheet {
    let mut sheet = PrepSheet {
        week: inputs.week,
        as_of: as_of(inputs.week, inputs.today),
        week_split: inputs.week_split.clone(),
        due: Vec::new(),
        held: Vec::new(),
        not_due: Vec::new(),
        on_leave: Vec::new(),
        starting: Vec::new(),
    };
    for architect in &inputs.architects {
        place(&mut sheet, inputs, architect);
    }
    sort(&mut sheet, inputs);
    sheet
}

/// Rebuilds only `id`'s place on the sheet (their card, or their line among those held, not
/// due or on leave) from `inputs`, after a write that touched only them.
pub fn update(sheet: &mut PrepSheet, inputs: &Inputs, id: ArchitectId) {
    sheet.due.retain(|c| c.architect_id != id);
    sheet.held.retain(|h| h.architect_id != id);
    sheet.not_due.retain(|n| n.architect_id != id);
    sheet.on_leave.retain(|(a, _)| *a != id);
    sheet.starting.retain(|s| s.architect_id != id);
    if let Some(architect) = inputs.architects.iter().find(|a| a.id == id) {
        place(sheet, inputs, architect);
    }
    sort(sheet, inputs);
}

/// Puts an architect where the week has them: on leave, held, not due, or due with a card.
fn place(sheet: &mut PrepSheet, inputs: &Inputs, architect: &ArchitectInput) {
    match architect.status {
        Status::Left => return,
        Status::OnLeave => {
            sheet.on_leave.push((architect.id, architect.name.clone()));
            return;
        }
        Status::Active => {}
    }
    if let Some(starts_on) = architect.starts_on.filter(|d| *d > inputs.week.sunday()) {
        sheet.starting.push(Starting { architect_id: architect.id, name: architect.name.clone(), starts_on });
        return;
    }
    let empty = HistoryInput::default();
    let history = inputs.history.get(&architect.id).unwrap_or(&empty);
    if let Some(held) = history.in_week {
        sheet.held.push(HeldCard { architect_id: architect.id, name: architect.name.clone(), held });
        return;
    }
    let last_on = history.last.map(|m| m.held_on);
    if let Some(last) = last_on
        && !is_due(architect.cadence, Some(last), inputs.week)
    {
        sheet.not_due.push(NotDue {
            architect_id: architect.id,
            name: architect.name.clone(),
            cadence: architect.cadence,
            last_held_on: last,
            next_due: next_due_week(architect.cadence, last),
        });
        return;
    }
    let development = inputs.development.get(&architect.id).cloned().unwrap_or_default();
    let mut card = card(architect, history, development, sheet.as_of);
    card.onboarding = inputs.onboarding.get(&architect.id).cloned();
    if let Some(onboarding) = &card.onboarding {
        // The onboarding section lists the plan's goals already: the Goals section keeps
        // the others (suggestions for the agenda stay, as for any goal).
        card.goals.retain(|goal| !onboarding.lists(goal));
    }
    sheet.due.push(card);
}

fn sort(sheet: &mut PrepSheet, inputs: &Inputs) {
    sheet.due.sort_by(|a, b| {
        let key = |c: &PrepCard| c.days_since_last.map_or(i64::MIN, |d| -d);
        key(a).cmp(&key(b)).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    sheet.held.sort_by_key(|h| (h.held.meeting.held_on, h.name.to_lowercase()));
    sheet.not_due.sort_by_key(|n| n.name.to_lowercase());
    sheet.starting.sort_by(|a, b| a.starts_on.cmp(&b.starts_on).then_with(|| a.name.cmp(&b.name)));
    // On leave: in the roster's order, as the inputs list them.
    let position = |id: &ArchitectId| inputs.architects.iter().position(|a| a.id == *id);
    sheet.on_leave.sort_by_key(|(id, _)| position(id));
}

fn card(
    architect: &ArchitectInput,
    history: &HistoryInput,
    mut development: Development,
    as_of: NaiveDate,
) -> PrepCard {
    let last_on = history.last.map(|m| m.held_on);
    // Items raised up to the last meeting and still open after it.
    let mut carried_points: Vec<TalkingPoint> = {
        let mut points: Vec<TalkingPoint> = history
            .points
            .iter()
            .filter(|p| last_on.is_some_and(|last| p.raised_on <= last))
            .filter(|p| p.discussed_on.is_none_or(|d| last_on.is_some_and(|last| d > last)))
            .cloned()
            .collect();
        points.sort_by_key(|p| (p.raised_on, p.id));
        points
    };
    let raised_by_last = |a: &&ActionItem| last_on.is_some_and(|last| a.raised_on <= last);
    let mut open_actions: Vec<ActionItem> =
        history.actions.iter().filter(raised_by_last).filter(|a| a.is_open_on(as_of)).cloned().collect();
    open_actions.sort_by_key(|a| {
        (a.overdue_days(as_of).is_none(), a.fields.due_on.is_none(), a.fields.due_on, a.raised_on, a.id)
    });
    let mut done_since_last: Vec<ActionItem> = history
        .actions
        .iter()
        .filter(raised_by_last)
        .filter(|a| a.done_on.is_some_and(|done| done <= as_of && last_on.is_some_and(|last| done > last)))
        .cloned()
        .collect();
    done_since_last.sort_by_key(|a| (a.done_on, a.id));

    // A goal or certification already on the agenda (a talking point about it was carried
    // over) is shown once, in its own section, marked as on the agenda since then; it is not
    // suggested again, so starting the meeting never adds a twin.
    let mut on_agenda = |subject: &str| {
        let index = carried_points.iter().position(|p| is_about(&p.fields.text, subject))?;
        Some(carried_points.remove(index).raised_on)
    };
    for goal in &mut development.goals {
        goal.on_agenda_since = on_agenda(&goal.subject());
    }
    for cert in &mut development.certs {
        cert.on_agenda_since = on_agenda(&cert.subject());
    }
    let mood = history.last.and_then(|m| m.mood);
    let suggested = suggestions(history.last.is_none(), (mood, history.previous_mood), &development);
    PrepCard {
        architect_id: architect.id,
        name: architect.name.clone(),
        cadence: architect.cadence,
        last: history.last,
        days_since_last: last_on.map(|last| (as_of - last).num_days()),
        started: history.started,
        last_gist: super::notes::gist(&history.last_notes, GIST_CHARS),
        open_in_notes: super::notes::open_checkboxes(&history.last_notes)
            .into_iter()
            .map(str::to_owned)
            .collect(),
        previous_mood: history.previous_mood,
        carried_points,
        open_actions,
        done_since_last,
        goals: development.goals,
        certs: development.certs,
        changes: development.changes,
        suggested,
        onboarding: None,
    }
}

/// "energy low (2/5)" or "energy falling from 4 to 2": a mood at or below [`LOW_MOOD`], or two
/// points or more below the meeting before.
pub fn energy_flag(last: Option<u8>, previous: Option<u8>) -> Option<String> {
    let last = last?;
    if last <= LOW_MOOD {
        return Some(format!("energy low ({last}/5)"));
    }
    let previous = previous?;
    (previous >= last + 2).then(|| format!("energy falling from {previous} to {last}"))
}

/// Whether a talking point is about `subject` ("Goal: Earn AZ-204", "Certification AZ-204"):
/// the subject alone, or followed by its details after a space or a colon.
fn is_about(text: &str, subject: &str) -> bool {
    text.strip_prefix(subject).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
}

/// Talking points a card proposes for the agenda: the goals and certifications it flags, a
/// check-in after a low or falling energy (`moods`: the last meeting's and the one before),
/// and an introduction for a first one-on-one.
fn suggestions(first: bool, moods: (Option<u8>, Option<u8>), development: &Development) -> Vec<PointFields> {
    let mut points = Vec::new();
    let me = |topic: &str, text: String| PointFields { text, raised_by: Party::Me, topic: topic.to_owned() };
    if first {
        points.push(me(
            "Career",
            "Getting to know each other: goals for the next year, how you like to work and get feedback"
                .to_owned(),
        ));
    }
    match moods {
        (Some(last), _) if last <= LOW_MOOD => {
            points.push(me(
                "Wellbeing",
                format!("Check in: energy was {last}/5 last time. How are things now?"),
            ));
        }
        (Some(last), Some(previous)) if energy_flag(Some(last), Some(previous)).is_some() => points.push(me(
            "Wellbeing",
            format!("Check in: energy fell from {previous}/5 to {last}/5 last time. How are things now?"),
        )),
        _ => {}
    }
    for goal in development.goals.iter().filter(|g| g.on_agenda_since.is_none()) {
        let when = match (goal.overdue_days, goal.stalled, goal.target_on) {
            (Some(_), _, Some(target)) => format!("overdue since {target}"),
            (_, true, _) => "stalled".to_owned(),
            (_, false, Some(target)) => format!("due {target}"),
            (_, false, None) => "due".to_owned(),
        };
        points.push(me("Development", format!("{} ({when})", goal.subject())));
    }
    for cert in development.certs.iter().filter(|c| c.on_agenda_since.is_none()) {
        points.push(me("Development", format!("{}: {} ({})", cert.subject(), cert.state, cert.date)));
    }
    points
}

#[cfg(test)]
mod tests;
