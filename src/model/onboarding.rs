//! Bringing people in and seeing them move on: the 30-60-90 onboarding template and a hire's
//! plan made from it, and why an architect left (a more senior role is a success).

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::architect::{ArchitectFields, Choice};
use super::goal::GoalKind;
use super::ids::{ArchitectId, CandidateId, TemplateItemId};
use super::one_on_one::ITEM_MAX_CHARS;
use super::text::{self, NAME_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// How long onboarding lasts: a new hire's prep card shows their plan until day 90.
pub const ONBOARDING_DAYS: i64 = 90;
/// How far ahead a hire's start date may be: a notice period of three months, and then some.
/// The first one-on-one is planned on it (further ahead than an ordinary meeting may be).
pub const START_MAX_DAYS_AHEAD: u64 = 183;
/// An onboarding goal is worked on in the 30 days before its day (the day-60 goal from day 30):
/// it is not stalled before that window opens.
pub const GOAL_WINDOW_DAYS: u16 = 30;
/// The latest day a template item may be due.
pub const ITEM_DAY_MAX: u16 = 365;
/// Where a template's text names the buddy.
pub const BUDDY_PLACEHOLDER: &str = "{buddy}";

/// What an onboarding item becomes: a goal in the development plan, due on its day, or a
/// talking point on the first one-on-one's agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    #[default]
    Goal,
    TalkingPoint,
}

impl Choice for ItemKind {
    const ALL: &'static [Self] = &[Self::Goal, Self::TalkingPoint];
    fn key(self) -> &'static str {
        match self {
            Self::Goal => "goal",
            Self::TalkingPoint => "talking_point",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Goal => "Goal",
            Self::TalkingPoint => "Talking point",
        }
    }
}

/// One item of the template, or of a hire's plan as the manager adjusts it before hiring.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ItemFields {
    pub kind: ItemKind,
    /// The goal's kind (ignored for a talking point).
    pub goal_kind: GoalKind,
    /// Days after the start a goal is due (30, 60, 90); 0 for a talking point.
    pub day: u16,
    pub text: String,
}

impl ItemFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let max = match self.kind {
            ItemKind::Goal => TEXT_MAX_CHARS,
            ItemKind::TalkingPoint => ITEM_MAX_CHARS,
        };
        let text = text::required("text", &self.text, max)?;
        if self.day > ITEM_DAY_MAX {
            return Err(ValidationError::new(
                "day",
                format!("{} is more than {ITEM_DAY_MAX} days", self.day),
            ));
        }
        let day = if self.kind == ItemKind::TalkingPoint { 0 } else { self.day };
        Ok(Self { day, text, ..self.clone() })
    }

    /// The text with the buddy's name in place of `{buddy}` ("your buddy" when there is none).
    pub fn text_for(&self, buddy: Option<&str>) -> String {
        self.text.replace(BUDDY_PLACEHOLDER, buddy.unwrap_or("your buddy"))
    }
}

/// A stored template item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateItem {
    pub id: TemplateItemId,
    pub position: i64,
    #[serde(flatten)]
    pub fields: ItemFields,
}

/// The template a new database starts with, as migration 0009 seeds it.
pub const DEFAULT_TEMPLATE: &[(ItemKind, GoalKind, u16, &str)] = &[
    (ItemKind::Goal, GoalKind::Certification, 30, "Earn AZ-900 Azure Fundamentals"),
    (ItemKind::Goal, GoalKind::Skill, 30, "Shadow {buddy} in three customer meetings"),
    (
        ItemKind::Goal,
        GoalKind::StretchAssignment,
        60,
        "Lead a first customer engagement: a discovery or envisioning session",
    ),
    (
        ItemKind::Goal,
        GoalKind::Certification,
        90,
        "Earn the role-based certification of your solution area (e.g. AZ-305)",
    ),
    (ItemKind::Goal, GoalKind::Evangelism, 90, "Present a customer story or demo at the team meeting"),
    (
        ItemKind::TalkingPoint,
        GoalKind::Other,
        0,
        "Welcome: how the first 90 days go, and {buddy} as your buddy",
    ),
    (
        ItemKind::TalkingPoint,
        GoalKind::Other,
        0,
        "Your 30-60-90 goals: what would make the first month a success?",
    ),
    (
        ItemKind::TalkingPoint,
        GoalKind::Other,
        0,
        "Accounts you will cover and the first introductions to make",
    ),
    (ItemKind::TalkingPoint, GoalKind::Other, 0, "How you like to work, get feedback and be recognised"),
];

/// "Day 40 of 90" for a hire who started on `started_on`, or `None` outside the first 90 days
/// (before the start, or after it).
pub fn onboarding_day(started_on: NaiveDate, as_of: NaiveDate) -> Option<i64> {
    let day = (as_of - started_on).num_days() + 1;
    (1..=ONBOARDING_DAYS).contains(&day).then_some(day)
}

/// The day work on an onboarding goal due on `day` (after `started_on`) begins:
/// [`GOAL_WINDOW_DAYS`] before its day, and never before the start. "Stalled" counts from it.
pub fn goal_window_opens(started_on: NaiveDate, day: u16) -> NaiveDate {
    started_on
        .checked_add_days(Days::new(u64::from(day.saturating_sub(GOAL_WINDOW_DAYS))))
        .unwrap_or(started_on)
}

/// Why an architect left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeavingReason {
    /// Promoted into a more senior role in the organisation.
    Promoted,
    /// Moved into a more senior role elsewhere in the organisation.
    SeniorRoleElsewhere,
    LateralMove,
    LeftCompany,
    Other,
}

impl Choice for LeavingReason {
    const ALL: &'static [Self] =
        &[Self::Promoted, Self::SeniorRoleElsewhere, Self::LateralMove, Self::LeftCompany, Self::Other];
    fn key(self) -> &'static str {
        match self {
            Self::Promoted => "promoted",
            Self::SeniorRoleElsewhere => "senior_role_elsewhere",
            Self::LateralMove => "lateral_move",
            Self::LeftCompany => "left_company",
            Self::Other => "other",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Promoted => "Promoted into a more senior role",
            Self::SeniorRoleElsewhere => "Moved into a more senior role elsewhere in the organisation",
            Self::LateralMove => "A lateral move",
            Self::LeftCompany => "Left the company",
            Self::Other => "Other",
        }
    }
}

impl LeavingReason {
    /// Promoted, or a more senior role elsewhere: someone the manager developed into a senior
    /// position, which counts for the 50 % of the role, not against it.
    pub fn developed_into_senior_role(self) -> bool {
        matches!(self, Self::Promoted | Self::SeniorRoleElsewhere)
    }
}

/// Why and when an architect left, as the manager records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartureFields {
    pub left_on: NaiveDate,
    pub reason: LeavingReason,
    /// The role they moved into (required for the two senior moves).
    pub new_role: String,
    pub note: String,
}

impl DepartureFields {
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        let new_role = text::capped("new role", self.new_role.trim(), NAME_MAX_CHARS)?;
        if self.reason.developed_into_senior_role() && new_role.is_empty() {
            return Err(ValidationError::new("new role", "say which role they moved into"));
        }
        let note = text::capped("note", self.note.trim(), TEXT_MAX_CHARS)?;
        if self.left_on > today {
            return Err(ValidationError::new("left on", format!("{} is in the future", self.left_on)));
        }
        Ok(Self { new_role, note, ..self.clone() })
    }

    /// "Promoted into a more senior role: Principal Architect, Global Black Belt".
    pub fn summary(&self) -> String {
        if self.new_role.is_empty() {
            self.reason.label().to_owned()
        } else {
            format!("{}: {}", self.reason.label(), self.new_role)
        }
    }
}

/// A stored departure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Departure {
    pub architect: ArchitectId,
    #[serde(flatten)]
    pub fields: DepartureFields,
}

/// What the manager fills in to hire a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hire {
    pub candidate: CandidateId,
    /// The day the offer was accepted: the requisition is filled on it.
    pub hired_on: NaiveDate,
    /// The new architect: name, title, level, area, start date (required); the cadence is
    /// weekly for the first months, whatever is set here.
    pub architect: ArchitectFields,
    pub buddy: Option<ArchitectId>,
    /// The onboarding plan: the template's items as adjusted for this hire.
    pub items: Vec<ItemFields>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_two_senior_moves_count_and_name_the_new_role() {
        let counted: Vec<_> =
            LeavingReason::ALL.iter().filter(|r| r.developed_into_senior_role()).map(|r| r.key()).collect();
        assert_eq!(counted, ["promoted", "senior_role_elsewhere"]);
        let fields = DepartureFields {
            left_on: day(2026, 9, 30),
            reason: LeavingReason::SeniorRoleElsewhere,
            new_role: "  ".into(),
            note: String::new(),
        };
        assert_eq!(fields.validated(day(2026, 11, 28)).unwrap_err().field, "new role");
        let lateral = DepartureFields { reason: LeavingReason::LateralMove, ..fields };
        assert!(lateral.validated(day(2026, 11, 28)).is_ok());
    }

    #[test]
    fn the_buddy_is_named_in_the_text() {
        let item = ItemFields { text: "Shadow {buddy} twice".into(), ..ItemFields::default() };
        assert_eq!(item.text_for(Some("Amara Okafor")), "Shadow Amara Okafor twice");
        assert_eq!(item.text_for(None), "Shadow your buddy twice");
    }

    #[test]
    fn onboarding_lasts_ninety_days_from_the_start() {
        let start = day(2026, 10, 19);
        assert_eq!(onboarding_day(start, day(2026, 10, 18)), None);
        assert_eq!(onboarding_day(start, start), Some(1));
        assert_eq!(onboarding_day(start, day(2026, 11, 27)), Some(40));
        assert_eq!(onboarding_day(start, day(2027, 1, 17)), None, "day 91");
        assert_eq!(onboarding_day(start, day(2027, 1, 16)), Some(90));
    }
}
