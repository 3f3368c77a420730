//! One-on-ones: the meeting, its talking points and action items, what counts as valid, and
//! the carry-over rule that decides what is on a meeting's agenda.
//!
//! Carry-over works by reference, never by copying: a talking point belongs to the meeting it
//! was raised in and appears on every later agenda with the same architect until a meeting
//! marks it discussed; an action item appears until it is done. Closing an item anywhere
//! therefore closes it everywhere, and nothing can be carried twice.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::ids::{ActionItemId, ArchitectId, GoalId, OneOnOneId, TalkingPointId, TemplateId};
use super::text::{self, ValidationError};

/// Longest private notes of one meeting, in characters: about 3,000 words, more than an hour
/// of typing, and small enough that the editor and search stay instant.
pub const NOTES_MAX_CHARS: usize = 20_000;
/// Longest talking point or action item: a few sentences; longer belongs in the notes.
pub const ITEM_MAX_CHARS: usize = 500;
/// How far ahead a one-on-one may be dated. Planning next week's is normal; a date months
/// ahead is almost always a typo (2027 for 2026) and would hide everything it carries.
pub const MAX_DAYS_AHEAD: u64 = 31;
pub const MOOD_MIN: u8 = 1;
pub const MOOD_MAX: u8 = 5;

/// Who raised a talking point or owns an action item: the manager or the architect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    #[default]
    Me,
    Them,
}

impl Choice for Party {
    const ALL: &'static [Self] = &[Self::Me, Self::Them];
    fn key(self) -> &'static str {
        match self {
            Self::Me => "me",
            Self::Them => "them",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Me => "Me",
            Self::Them => "Them",
        }
    }
}

impl Party {
    /// "me", or the architect's first name: how a person reads an owner on a card.
    pub fn name_for(self, architect_name: &str) -> &str {
        match self {
            Self::Me => "me",
            Self::Them => first_name(architect_name),
        }
    }
}

/// The first word of a name ("Mateo" of "Mateo García"), or the whole name.
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// What a person edits about a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingFields {
    pub held_on: NaiveDate,
    /// Energy / mood as the manager read it, 1 (low) to 5 (high).
    pub mood: Option<u8>,
    /// Markdown-ish private notes: `#` headings, `-` bullets, `1.` lists.
    pub notes: String,
}

impl MeetingFields {
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        let held_on = validate_held_on(self.held_on, today)?;
        let mood = validate_mood(self.mood)?;
        // Notes keep their leading indentation (nested bullets); only trailing space goes.
        let notes = text::capped("notes", self.notes.trim_end(), NOTES_MAX_CHARS)?;
        Ok(Self { held_on, mood, notes })
    }
}

/// A meeting date no further ahead than [`MAX_DAYS_AHEAD`].
pub fn validate_held_on(held_on: NaiveDate, today: NaiveDate) -> Result<NaiveDate, ValidationError> {
    let limit = today.checked_add_days(Days::new(MAX_DAYS_AHEAD)).unwrap_or(today);
    if held_on > limit {
        return Err(ValidationError::new(
            "date",
            format!(
                "{held_on} is more than {MAX_DAYS_AHEAD} days ahead; record a one-on-one when it happens \
                 or plan it at most a month ahead"
            ),
        ));
    }
    Ok(held_on)
}

pub fn validate_mood(mood: Option<u8>) -> Result<Option<u8>, ValidationError> {
    match mood {
        Some(value) if !(MOOD_MIN..=MOOD_MAX).contains(&value) => {
            Err(ValidationError::new("mood", format!("{value} is outside {MOOD_MIN} to {MOOD_MAX}")))
        }
        other => Ok(other),
    }
}

/// What a person edits about a talking point.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PointFields {
    pub text: String,
    pub raised_by: Party,
    /// The template it came from ("Career"), or empty.
    pub topic: String,
}

impl PointFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        Ok(Self {
            text: text::required("talking point", &self.text, ITEM_MAX_CHARS)?,
            raised_by: self.raised_by,
            topic: text::capped("topic", self.topic.trim(), text::NAME_MAX_CHARS)?,
        })
    }
}

/// What a person edits about an action item.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionFields {
    pub text: String,
    pub owner: Party,
    pub due_on: Option<NaiveDate>,
}

impl ActionFields {
    /// `raised_on` is the date of the meeting the action comes from: it cannot be due before it.
    pub fn validated(&self, raised_on: NaiveDate) -> Result<Self, ValidationError> {
        let text = text::required("action item", &self.text, ITEM_MAX_CHARS)?;
        if let Some(due) = self.due_on
            && due < raised_on
        {
            return Err(ValidationError::new(
                "due date",
                format!("{due} is before the one-on-one it comes from ({raised_on})"),
            ));
        }
        Ok(Self { text, owner: self.owner, due_on: self.due_on })
    }
}

/// A done date: not before the meeting the action was raised in, not far in the future.
pub fn validate_done_on(
    done_on: NaiveDate,
    raised_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, ValidationError> {
    if done_on < raised_on {
        return Err(ValidationError::new(
            "done date",
            format!("{done_on} is before the one-on-one the action comes from ({raised_on})"),
        ));
    }
    let limit = today.checked_add_days(Days::new(MAX_DAYS_AHEAD)).unwrap_or(today);
    if done_on > limit {
        return Err(ValidationError::new("done date", format!("{done_on} is in the future")));
    }
    Ok(done_on)
}

/// Longest template name: a word or two, shown on a button.
pub const TEMPLATE_NAME_MAX_CHARS: usize = 40;

/// A talking-point template the manager can edit: a short name and the words it adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: TemplateId,
    pub name: String,
    pub prompt: String,
}

impl Template {
    /// The talking point the template adds, raised by the manager under its name as topic.
    pub fn point(&self) -> PointFields {
        PointFields { text: self.prompt.clone(), raised_by: Party::Me, topic: self.name.clone() }
    }
}

/// A template's name and words, trimmed and checked.
pub fn validate_template(name: &str, prompt: &str) -> Result<(String, String), ValidationError> {
    Ok((
        text::required("template name", name, TEMPLATE_NAME_MAX_CHARS)?,
        text::required("template text", prompt, ITEM_MAX_CHARS)?,
    ))
}

/// A stored meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOnOne {
    pub id: OneOnOneId,
    pub architect_id: ArchitectId,
    #[serde(flatten)]
    pub fields: MeetingFields,
    /// Development goals reviewed in this meeting.
    pub goal_ids: Vec<GoalId>,
    /// Whether anything happened in it (notes, energy, a tick, an action raised, a goal
    /// reviewed): a meeting only started is not held, and the architect is still due.
    #[serde(default)]
    pub held: bool,
    /// How long it lasted, when the manager said; 30 minutes otherwise (`DEFAULT_MINUTES`).
    #[serde(default)]
    pub minutes: Option<u32>,
}

impl OneOnOne {
    /// How long it lasted, for the time it logs.
    pub fn length_minutes(&self) -> u32 {
        self.minutes.unwrap_or(DEFAULT_MINUTES)
    }
}

/// A one-on-one's length when nobody said otherwise.
pub const DEFAULT_MINUTES: u32 = 30;
/// The shortest and longest length a meeting can be given.
pub const MINUTES_RANGE: std::ops::RangeInclusive<u32> = 5..=480;

/// A stored talking point with where it came from and where it was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkingPoint {
    pub id: TalkingPointId,
    pub architect_id: ArchitectId,
    pub raised_in: OneOnOneId,
    pub raised_on: NaiveDate,
    #[serde(flatten)]
    pub fields: PointFields,
    pub discussed_in: Option<OneOnOneId>,
    pub discussed_on: Option<NaiveDate>,
    /// Meetings it has been on the agenda of without being discussed, counted up to the
    /// meeting (or prep card) it was loaded for.
    pub times_carried: u32,
}

/// A stored action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: ActionItemId,
    pub architect_id: ArchitectId,
    pub raised_in: OneOnOneId,
    pub raised_on: NaiveDate,
    #[serde(flatten)]
    pub fields: ActionFields,
    pub done_on: Option<NaiveDate>,
    pub times_carried: u32,
}

impl ActionItem {
    /// Open on `as_of` and past its due date (the due day itself is not overdue yet).
    pub fn overdue_days(&self, as_of: NaiveDate) -> Option<i64> {
        let due = self.fields.due_on?;
        let open = self.done_on.is_none_or(|done| done > as_of);
        (open && due < as_of).then(|| (as_of - due).num_days())
    }

    pub fn is_open_on(&self, as_of: NaiveDate) -> bool {
        self.done_on.is_none_or(|done| done > as_of)
    }
}

/// Where an agenda item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Raised in this meeting.
    Here,
    /// Raised in an earlier meeting on `since`, and on `times` agendas since without being closed.
    Carried { since: NaiveDate, times: u32 },
}

/// A meeting's agenda: its own items and everything carried into it, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agenda {
    pub points: Vec<(TalkingPoint, Origin)>,
    pub actions: Vec<(ActionItem, Origin)>,
}

/// Whether a talking point is on the agenda of a meeting held on `held_on`: raised then or
/// before, and not discussed in an earlier meeting.
pub fn point_on_agenda(point: &TalkingPoint, held_on: NaiveDate) -> bool {
    point.raised_on <= held_on && point.discussed_on.is_none_or(|discussed| discussed >= held_on)
}

/// Whether an action item is on the agenda of a meeting held on `held_on`: raised then or
/// before, and not done before that day (done on the day shows, ticked).
pub fn action_on_agenda(action: &ActionItem, held_on: NaiveDate) -> bool {
    action.raised_on <= held_on && action.done_on.is_none_or(|done| done >= held_on)
}

fn origin(raised_in: OneOnOneId, since: NaiveDate, meeting: OneOnOneId, times: u32) -> Origin {
    if raised_in == meeting { Origin::Here } else { Origin::Carried { since, times } }
}

/// The agenda of `meeting` from candidate items of its architect (a superset is fine: items
/// that do not belong are left out). Carried items come first, oldest first, then the
/// meeting's own in the order they were added.
pub fn agenda(meeting: &OneOnOne, points: &[TalkingPoint], actions: &[ActionItem]) -> Agenda {
    let held_on = meeting.fields.held_on;
    let mine = |architect: ArchitectId| architect == meeting.architect_id;
    let mut agenda_points: Vec<(TalkingPoint, Origin)> = points
        .iter()
        .filter(|p| mine(p.architect_id) && point_on_agenda(p, held_on))
        .map(|p| (p.clone(), origin(p.raised_in, p.raised_on, meeting.id, p.times_carried)))
        .collect();
    agenda_points.sort_by_key(|(p, o)| (matches!(o, Origin::Here), p.raised_on, p.id));
    let mut agenda_actions: Vec<(ActionItem, Origin)> = actions
        .iter()
        .filter(|a| mine(a.architect_id) && action_on_agenda(a, held_on))
        .map(|a| (a.clone(), origin(a.raised_in, a.raised_on, meeting.id, a.times_carried)))
        .collect();
    agenda_actions.sort_by_key(|(a, o)| (matches!(o, Origin::Here), a.raised_on, a.id));
    Agenda { points: agenda_points, actions: agenda_actions }
}

/// "Mon 16 Nov", with the year when it is not the year of `relative_to`.
pub fn short_date(date: NaiveDate, relative_to: NaiveDate) -> String {
    use chrono::Datelike as _;
    if date.year() == relative_to.year() {
        date.format("%a %-d %b").to_string()
    } else {
        date.format("%a %-d %b %Y").to_string()
    }
}

/// "carried once", "carried twice", "carried 3 times"; empty for never.
pub fn times_carried(times: u32) -> String {
    match times {
        0 => String::new(),
        1 => "carried once".to_owned(),
        2 => "carried twice".to_owned(),
        n => format!("carried {n} times"),
    }
}

/// "today", "yesterday", "3 days ago", "in 2 days".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        -1 => "tomorrow".to_owned(),
        d if d < 0 => format!("in {} days", -d),
        d => format!("{d} days ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        day(2026, 11, 28)
    }

    #[test]
    fn a_meeting_months_ahead_is_refused_naming_the_date() {
        let fields = MeetingFields { held_on: day(2027, 11, 28), ..MeetingFields::default() };
        let err = fields.validated(today()).unwrap_err();
        assert_eq!(err.field, "date");
        assert!(err.message.starts_with("2027-11-28 is more than 31 days ahead"), "{err}");
        let next_week = MeetingFields { held_on: day(2026, 12, 4), ..MeetingFields::default() };
        assert!(next_week.validated(today()).is_ok());
    }

    #[test]
    fn notes_over_the_limit_are_refused_not_cut() {
        let fields = MeetingFields { held_on: today(), notes: "é".repeat(NOTES_MAX_CHARS + 1), mood: None };
        let err = fields.validated(today()).unwrap_err();
        assert_eq!(err.field, "notes");
        assert!(err.message.contains("20001 characters"), "{err}");
        assert!(err.message.contains("limit is 20000"), "{err}");
    }

    #[test]
    fn mood_is_one_to_five() {
        assert!(validate_mood(Some(0)).is_err());
        assert!(validate_mood(Some(6)).is_err());
        assert_eq!(validate_mood(Some(5)), Ok(Some(5)));
        assert_eq!(validate_mood(None), Ok(None));
    }

    #[test]
    fn an_action_needs_text_and_cannot_be_due_before_its_meeting() {
        let empty = ActionFields { text: "   ".into(), ..ActionFields::default() };
        assert_eq!(empty.validated(today()).unwrap_err().to_string(), "action item: must not be empty");
        let early = ActionFields {
            text: "Send the deck".into(),
            due_on: Some(day(2026, 11, 27)),
            owner: Party::Them,
        };
        let err = early.validated(today()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "due date: 2026-11-27 is before the one-on-one it comes from (2026-11-28)"
        );
        let same_day = ActionFields { due_on: Some(today()), ..early };
        assert!(same_day.validated(today()).is_ok());
    }

    #[test]
    fn a_done_date_before_the_meeting_is_refused() {
        assert!(validate_done_on(day(2026, 11, 20), day(2026, 11, 23), today()).is_err());
        assert!(validate_done_on(day(2026, 11, 23), day(2026, 11, 23), today()).is_ok());
        assert!(validate_done_on(day(2027, 6, 1), day(2026, 11, 23), today()).is_err());
    }

    fn point(id: i64, raised: (i64, NaiveDate), discussed: Option<(i64, NaiveDate)>) -> TalkingPoint {
        TalkingPoint {
            id: TalkingPointId(id),
            architect_id: ArchitectId(1),
            raised_in: OneOnOneId(raised.0),
            raised_on: raised.1,
            fields: PointFields { text: format!("point {id}"), ..PointFields::default() },
            discussed_in: discussed.map(|d| OneOnOneId(d.0)),
            discussed_on: discussed.map(|d| d.1),
            times_carried: 0,
        }
    }

    fn meeting(id: i64, held_on: NaiveDate) -> OneOnOne {
        OneOnOne {
            id: OneOnOneId(id),
            architect_id: ArchitectId(1),
            fields: MeetingFields { held_on, ..MeetingFields::default() },
            goal_ids: Vec::new(),
            held: true,
            minutes: None,
        }
    }

    #[test]
    fn an_undiscussed_point_is_on_every_later_agenda_until_discussed() {
        let (w1, w2, w3, w4) = (day(2026, 11, 9), day(2026, 11, 16), day(2026, 11, 23), day(2026, 11, 30));
        let open = point(1, (1, w1), None);
        let closed_in_w3 = point(2, (1, w1), Some((3, w3)));
        let points = [open, closed_in_w3];
        for (id, held) in [(2, w2), (3, w3)] {
            let agenda = agenda(&meeting(id, held), &points, &[]);
            assert_eq!(agenda.points.len(), 2, "both on the agenda of meeting {id}");
            assert!(
                agenda.points.iter().all(|(_, o)| matches!(o, Origin::Carried { since, .. } if *since == w1))
            );
        }
        let w4_agenda = agenda(&meeting(4, w4), &points, &[]);
        assert_eq!(w4_agenda.points.len(), 1, "the discussed one is gone");
        assert_eq!(w4_agenda.points[0].0.id, TalkingPointId(1));
        let own = agenda(&meeting(1, w1), &points, &[]);
        assert!(own.points.iter().all(|(_, o)| *o == Origin::Here));
    }

    #[test]
    fn overdue_counts_whole_days_after_the_due_day() {
        let action = ActionItem {
            id: ActionItemId(1),
            architect_id: ArchitectId(1),
            raised_in: OneOnOneId(1),
            raised_on: day(2026, 11, 2),
            fields: ActionFields { text: "x".into(), owner: Party::Me, due_on: Some(day(2026, 11, 20)) },
            done_on: None,
            times_carried: 0,
        };
        assert_eq!(action.overdue_days(day(2026, 11, 20)), None);
        assert_eq!(action.overdue_days(today()), Some(8));
        let done = ActionItem { done_on: Some(day(2026, 11, 21)), ..action };
        assert_eq!(done.overdue_days(today()), None);
    }

    #[test]
    fn owners_read_as_me_or_the_first_name() {
        assert_eq!(Party::Them.name_for("Mateo García"), "Mateo");
        assert_eq!(Party::Me.name_for("Mateo García"), "me");
        assert_eq!(Party::parse("them"), Some(Party::Them));
    }
}
