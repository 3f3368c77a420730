//! The figures of one quarter, computed from the records (or read back from a finalized
//! review's snapshot): the time split, coaching and development, and the business and hiring
//! figures their own screens provide. Plain, serialisable data: a finalized review stores them
//! as JSON exactly as they were.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::labels;
use crate::model::architect::{Cadence, Readiness};
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::ids::{ArchitectId, GoalId, OneOnOneId, OpportunityId};
use crate::model::split::{Category, Split, Targets};

/// The version of [`QuarterFigures`] a snapshot was written with. A snapshot of another
/// version is read as far as its fields allow (serde defaults fill the rest).
pub const SNAPSHOT_VERSION: u32 = 1;

/// How many items a list inside the figures keeps (the counts are always complete).
pub const LIST_LIMIT: usize = 10;

/// Everything computed about one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterFigures {
    #[serde(default = "snapshot_version")]
    pub version: u32,
    #[serde(with = "labels")]
    pub quarter: FiscalQuarter,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The day the figures are counted to: the quarter's last day, or today while it runs.
    pub as_of: NaiveDate,
    /// Whether any record of the manager's (time, a one-on-one, an action item, goal progress,
    /// a certification, a skill rating) falls in the quarter.
    pub has_records: bool,
    pub time: TimeFigures,
    pub coaching: CoachingFigures,
    /// Wins, plans, initiatives, the network and the scorecard (the Business screen);
    /// `None` until that screen records them.
    #[serde(default)]
    pub business: Option<BusinessFigures>,
    /// Requisitions, candidates and scorecards (Hiring); `None` until recorded.
    #[serde(default)]
    pub hiring: Option<HiringFigures>,
}

fn snapshot_version() -> u32 {
    SNAPSHOT_VERSION
}

impl QuarterFigures {
    /// Whether the quarter was still running on the day the figures were counted.
    pub fn in_progress(&self) -> bool {
        self.as_of < self.last_day
    }
}

/// Where the manager's own time went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeFigures {
    /// The quarter's own targets (the defaults unless Settings gives it others).
    pub targets: Targets,
    pub total: Split,
    /// Each ISO week with days in the quarter, counting only those days.
    pub weeks: Vec<WeekFigure>,
    /// Weeks with any time logged, and those of them with every category within tolerance.
    pub weeks_logged: u32,
    pub weeks_on_target: u32,
    /// The weeks furthest off target, furthest first, with what the time went on.
    pub drifts: Vec<DriftWeek>,
    /// What most time went on, per category, over the quarter.
    pub top_activities: Vec<Activity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekFigure {
    #[serde(with = "labels")]
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub split: Split,
}

/// A week off target: the category furthest from its share and where its time went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DriftWeek {
    #[serde(with = "labels")]
    pub week: IsoWeek,
    pub category: Category,
    pub share_pct: f64,
    pub target_pct: u32,
    /// Share minus target, in percentage points: positive over, negative short.
    pub drift_points: f64,
    pub minutes: u32,
    /// The category's biggest items that week (over target), or the other categories' (short).
    pub spent_on: Vec<Activity>,
}

/// Time logged under one description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub category: Category,
    pub description: String,
    pub minutes: u32,
    pub entries: u32,
}

/// Coaching and developing the team (the 50 %).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CoachingFigures {
    /// One-on-ones held against due by cadence, per architect.
    pub one_on_ones: Vec<OneOnOneRow>,
    pub held: u32,
    pub due: u32,
    pub actions_closed: u32,
    /// Open and past their due date on the day counted to.
    pub actions_overdue: u32,
    pub overdue: Vec<ItemRef>,
    /// Talking points carried into more than two meetings without being discussed.
    pub points_carried: u32,
    pub carried: Vec<ItemRef>,
    /// Energy scores of the one-on-ones held.
    pub energy_scores: u32,
    pub energy_average: Option<f64>,
    pub energy_low: u32,
    pub energy_by_month: Vec<MonthEnergy>,
    pub goals_completed: u32,
    pub completed: Vec<GoalRef>,
    pub goals_stalled: u32,
    pub stalled: Vec<GoalRef>,
    pub certs_earned: u32,
    pub certs_renewed: u32,
    pub certs_expired: u32,
    pub cert_events: Vec<CertEvent>,
    /// The team's skill gap (levels below target, summed over every rating) the day before the
    /// quarter and on the day counted to.
    pub skill_gap_before: u32,
    pub skill_gap_after: u32,
    /// Readiness assessed during the quarter.
    pub readiness: Vec<ReadinessRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneOnOneRow {
    pub architect: ArchitectId,
    pub name: String,
    pub cadence: Cadence,
    pub held: u32,
    pub due: u32,
    /// The last one held in the quarter.
    pub last: Option<(OneOnOneId, NaiveDate)>,
}

/// A talking point or an action item, briefly, with where it was raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub architect: ArchitectId,
    pub name: String,
    pub meeting: OneOnOneId,
    pub text: String,
    /// The date that matters: when an action was due, when a point was raised.
    pub on: NaiveDate,
    /// Meetings a point was carried into (0 for actions).
    pub times: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthEnergy {
    /// The month's first day.
    pub month: NaiveDate,
    pub scores: u32,
    pub average: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRef {
    pub architect: ArchitectId,
    pub name: String,
    pub goal: GoalId,
    pub description: String,
    /// Completed on, or last moved on (stalled).
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertChange {
    Earned,
    Renewed,
    Expired,
}

impl CertChange {
    pub fn word(self) -> &'static str {
        match self {
            Self::Earned => "earned",
            Self::Renewed => "renewed",
            Self::Expired => "expired",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertEvent {
    pub architect: ArchitectId,
    pub name: String,
    pub code: String,
    pub change: CertChange,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessRow {
    pub architect: ArchitectId,
    pub name: String,
    pub readiness: Readiness,
    pub assessed_on: NaiveDate,
}

/// The Business screen's figures for a quarter (issue 12): run the business (20 %) and build
/// markets (30 %). Filled by `store::review_data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BusinessFigures {
    /// Wins closed in the quarter and their estimated monthly Azure consumed revenue.
    pub wins: u32,
    pub wins_acr_monthly: f64,
    /// Open opportunities at the quarter's end by MCEM stage (1 Listen & Consult .. 5 Manage &
    /// Optimize).
    pub pipeline: Vec<StageLine>,
    /// Wins (all of them, as the role asks) with an agreed deployment / consumption plan.
    pub wins_with_plan: u32,
    pub wins_total: u32,
    pub milestones_committed: u32,
    pub milestones_live: u32,
    pub milestones_at_risk: u32,
    /// Consumption (monthly ACR) against the plans' expected ACR.
    pub consumption_actual: f64,
    pub consumption_planned: f64,
    /// The quarter's scorecard: each metric's target and actual.
    pub scorecard: Vec<ScorecardLine>,
    /// Network contacts, and those met within their maximum interval.
    pub contacts: u32,
    pub contacts_within_interval: u32,
    /// Build markets.
    pub initiatives_progressed: u32,
    pub events_held: u32,
    pub event_attendance: u32,
    pub opportunities_influenced: u32,
    pub new_market_wins: u32,
    /// The quarter's wins, largest monthly ACR first (at most [`LIST_LIMIT`]); a snapshot
    /// written before this list existed reads as none.
    #[serde(default)]
    pub won: Vec<WinRef>,
}

/// A win of the quarter, to open it on the Business screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinRef {
    pub opportunity: OpportunityId,
    pub title: String,
    pub account: String,
    pub closed_on: NaiveDate,
    pub acr_monthly: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageLine {
    /// 1 to 5.
    pub stage: u8,
    pub name: String,
    pub open: u32,
    pub acr_monthly: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardLine {
    pub metric: String,
    pub target: f64,
    pub actual: Option<f64>,
}

/// Hiring's figures for a quarter (issue 13). Filled by
/// `store::review_data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct HiringFigures {
    pub requisitions_filled: u32,
    pub days_to_fill_average: Option<f64>,
    /// Requisitions whose slate (and interview panel) the recruiter marked as meeting policy.
    pub slates_meeting_policy: u32,
    pub slates: u32,
    pub panels_meeting_policy: u32,
    pub panels: u32,
    pub scorecards_on_time: u32,
    pub scorecards: u32,
    /// People who moved into a more senior role (promoted, or hired away into one).
    pub moved_to_senior_roles: u32,
}

/// Where a figure's records are: what a click opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "opens", rename_all = "snake_case")]
pub enum Link {
    /// An architect's page on a tab.
    Architect {
        architect: ArchitectId,
        tab: ArchitectTab,
    },
    /// An architect's one-on-one history.
    History {
        architect: ArchitectId,
    },
    Meeting {
        architect: ArchitectId,
        meeting: OneOnOneId,
    },
    /// A win (an opportunity) on the Business screen.
    Win {
        opportunity: OpportunityId,
    },
    /// The One-on-ones screen on the records a coaching figure of `quarter` counts.
    OneOnOnes {
        #[serde(serialize_with = "labels::serialize")]
        quarter: FiscalQuarter,
        list: MeetingList,
    },
    /// The Time screen on a week.
    Week {
        #[serde(serialize_with = "labels::serialize")]
        week: IsoWeek,
    },
    /// The Time screen's quarter view.
    Quarter {
        #[serde(serialize_with = "labels::serialize")]
        quarter: FiscalQuarter,
    },
    /// A team-wide view on the Team screen.
    Team {
        list: TeamList,
    },
    /// A list on the Business screen.
    Business {
        list: BusinessList,
    },
    /// Hiring's requisitions.
    Hiring,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchitectTab {
    Profile,
    Plan,
    Skills,
    Certifications,
}

/// What a coaching figure counts, listed on the One-on-ones screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingList {
    /// The one-on-ones held in the quarter.
    Held,
    /// Those of them with an energy score.
    Energy,
    ActionsClosed,
    /// Open and past due on the day counted to.
    ActionsOverdue,
    /// Talking points carried into more than two meetings.
    PointsCarried,
}

impl CoachingFigures {
    /// How many records the figure behind `list` counted.
    pub fn count(&self, list: MeetingList) -> u32 {
        match list {
            MeetingList::Held => self.held,
            MeetingList::Energy => self.energy_scores,
            MeetingList::ActionsClosed => self.actions_closed,
            MeetingList::ActionsOverdue => self.actions_overdue,
            MeetingList::PointsCarried => self.points_carried,
        }
    }
}

impl MeetingList {
    /// The list's heading for `quarter`.
    pub fn title(self, quarter: FiscalQuarter) -> String {
        match self {
            Self::Held => format!("One-on-ones held in {quarter}"),
            Self::Energy => format!("Energy scores of {quarter}'s one-on-ones"),
            Self::ActionsClosed => format!("Action items closed in {quarter}"),
            Self::ActionsOverdue => format!("Action items overdue in {quarter}"),
            Self::PointsCarried => format!("Talking points carried more than twice in {quarter}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamList {
    Roster,
    Goals,
    SkillGaps,
    Certifications,
    Readiness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BusinessList {
    Wins,
    Pipeline,
    Plans,
    Initiatives,
    Network,
    Scorecard,
}
