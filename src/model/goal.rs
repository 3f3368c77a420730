//! Development-plan goals: kinds, statuses, progress history and the overdue / due-soon / stalled
//! rules the team screens and prep cards flag.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::ids::{ArchitectId, CertId, GoalId};
use super::text::{self, LINE_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// Highest progress a goal can report.
pub const PROGRESS_MAX_PCT: u8 = 100;
/// An open goal whose progress has not changed for this many days is stalled, unless the manager
/// picks another threshold: a month is long enough to outlast a busy customer fortnight, short
/// enough to raise it at the next few one-on-ones.
pub const DEFAULT_STALLED_DAYS: u32 = 30;
/// The longest stalled threshold the app accepts: a year without progress is not "stalled" any
/// more, it is abandoned; the manager should drop the goal instead.
pub const STALLED_DAYS_MAX: u32 = 365;
/// An open goal whose target date is at most this many days ahead is due soon.
pub const DUE_SOON_DAYS: i64 = 30;

/// What a goal develops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    #[default]
    Skill,
    Certification,
    StretchAssignment,
    Leadership,
    Evangelism,
    Other,
}

impl Choice for GoalKind {
    const ALL: &'static [Self] = &[
        Self::Skill,
        Self::Certification,
        Self::StretchAssignment,
        Self::Leadership,
        Self::Evangelism,
        Self::Other,
    ];
    fn key(self) -> &'static str {
        match self {
            Self::Skill => "skill",
            Self::Certification => "certification",
            Self::StretchAssignment => "stretch_assignment",
            Self::Leadership => "leadership",
            Self::Evangelism => "evangelism",
            Self::Other => "other",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Skill => "Skill",
            Self::Certification => "Certification",
            Self::StretchAssignment => "Stretch assignment",
            Self::Leadership => "Leadership",
            Self::Evangelism => "Evangelism / presentation",
            Self::Other => "Other",
        }
    }
}

/// Where a goal stands. `Done` and `Dropped` are closed: they are never flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl Choice for GoalStatus {
    const ALL: &'static [Self] = &[Self::NotStarted, Self::InProgress, Self::Done, Self::Dropped];
    fn key(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Dropped => "Dropped",
        }
    }
}

/// One dated entry in a goal's progress history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressPoint {
    pub on: NaiveDate,
    pub progress_pct: u8,
}

/// A goal value a user entered that cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    #[error("progress: {value} is outside 0-100")]
    ProgressOutOfRange { value: i64 },
    #[error("target date: {target_on} is before the goal was created on {created_on}")]
    TargetBeforeCreation { created_on: NaiveDate, target_on: NaiveDate },
    #[error("progress date: {on} is in the future (today is {today})")]
    ProgressInFuture { on: NaiveDate, today: NaiveDate },
    #[error("progress date: {on} is before the goal was created on {created_on}")]
    ProgressBeforeCreation { created_on: NaiveDate, on: NaiveDate },
}

/// Checks a progress percentage typed or imported as a plain number.
pub fn validate_progress(value: i64) -> Result<u8, GoalError> {
    u8::try_from(value)
        .ok()
        .filter(|pct| *pct <= PROGRESS_MAX_PCT)
        .ok_or(GoalError::ProgressOutOfRange { value })
}

/// Refuses a target date before the goal was created; the same day is allowed.
pub fn validate_target(created_on: NaiveDate, target_on: NaiveDate) -> Result<NaiveDate, GoalError> {
    if target_on < created_on {
        return Err(GoalError::TargetBeforeCreation { created_on, target_on });
    }
    Ok(target_on)
}

/// Refuses progress dated after today or before the goal existed: either would make the goal
/// look as if it moved when it did not.
pub fn validate_progress_date(
    created_on: NaiveDate,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), GoalError> {
    if on > today {
        return Err(GoalError::ProgressInFuture { on, today });
    }
    if on < created_on {
        return Err(GoalError::ProgressBeforeCreation { created_on, on });
    }
    Ok(())
}

/// The last day the goal's progress changed, or `created_on` if it never has.
///
/// Only a *change* counts: re-saving the same percentage is not progress, so it must not hide a
/// stalled goal. The first point is compared with 0 % (where every goal starts). A decrease
/// counts as movement too: it means the goal was re-scoped, which is work on it. The history
/// may come in any order; points dated before `created_on` (imported data) never move the
/// answer earlier than creation.
pub fn last_moved(created_on: NaiveDate, history: &[ProgressPoint]) -> NaiveDate {
    let mut points: Vec<&ProgressPoint> = history.iter().collect();
    // Stable, so two points on one day keep the order they were recorded in.
    points.sort_by_key(|point| point.on);
    let mut previous_pct = 0;
    let mut moved_on = created_on;
    for point in points {
        if point.progress_pct != previous_pct {
            moved_on = moved_on.max(point.on);
        }
        previous_pct = point.progress_pct;
    }
    moved_on
}

/// Everything about a goal that a person edits. `created_on` is not here: it is set once, when
/// the goal is added, and is what "stalled" counts from until progress first moves.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalFields {
    pub kind: GoalKind,
    pub description: String,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
    pub progress_pct: u8,
    /// What shows the goal is met: links, customer names, feedback. Free text.
    pub evidence: String,
    /// The certification a goal of kind certification is about: recording it earned completes
    /// the goal.
    #[serde(default)]
    pub cert: Option<CertId>,
}

impl GoalFields {
    /// Checks every field against a goal created on `created_on` and returns the value that
    /// would be stored, with the status made consistent with the progress
    /// (see [`status_for_progress`]).
    pub fn validated(&self, created_on: NaiveDate) -> Result<Self, GoalFieldError> {
        let description = text::required("description", &self.description, LINE_MAX_CHARS)?;
        let evidence = text::capped("evidence", self.evidence.trim(), TEXT_MAX_CHARS)?;
        let progress_pct = validate_progress(i64::from(self.progress_pct))?;
        if let Some(target_on) = self.target_on {
            validate_target(created_on, target_on)?;
        }
        let status = status_for_progress(self.status, progress_pct, false);
        // Only a certification goal names a certification.
        let cert = self.cert.filter(|_| self.kind == GoalKind::Certification);
        Ok(Self { description, status, progress_pct, evidence, cert, ..self.clone() })
    }
}

/// A goal form that cannot be saved: a text field or a goal rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoalFieldError {
    #[error(transparent)]
    Text(#[from] ValidationError),
    #[error(transparent)]
    Rule(#[from] GoalError),
}

/// A stored goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub architect: ArchitectId,
    pub created_on: NaiveDate,
    #[serde(flatten)]
    pub fields: GoalFields,
}

/// The status a goal should have once its progress is `progress_pct`:
/// - any progress on a goal not started means it is in progress;
/// - 100 % on an open goal means it is done, so it stops being flagged as stalled or due;
/// - when `reopen` (progress was recorded on its own, not as part of editing the whole goal),
///   progress below 100 % on a done goal reopens it. An edit that sets "done" at 80 % is kept:
///   the manager may close a goal that met its purpose early.
///
/// Dropped goals stay dropped.
pub fn status_for_progress(status: GoalStatus, progress_pct: u8, reopen: bool) -> GoalStatus {
    match status {
        GoalStatus::NotStarted | GoalStatus::InProgress if progress_pct >= PROGRESS_MAX_PCT => {
            GoalStatus::Done
        }
        GoalStatus::NotStarted if progress_pct > 0 => GoalStatus::InProgress,
        GoalStatus::Done if reopen && progress_pct < PROGRESS_MAX_PCT => GoalStatus::InProgress,
        other => other,
    }
}

/// Whether the goal is still being worked towards.
pub fn is_open(status: GoalStatus) -> bool {
    matches!(status, GoalStatus::NotStarted | GoalStatus::InProgress)
}

/// The day an open goal's "stalled" clock starts: its creation, or for a goal of an onboarding
/// plan the day its window opens when that is later (it is not stalled before it is worked on,
/// see [`crate::model::onboarding::goal_window_opens`]).
pub fn stalled_clock_start(created_on: NaiveDate, window_opens: Option<NaiveDate>) -> NaiveDate {
    window_opens.map_or(created_on, |opens| opens.max(created_on))
}

/// Open, and its progress has not changed for `stalled_days` days or more (exactly
/// `stalled_days` counts as stalled). A goal never started counts from its creation date.
pub fn is_stalled(
    status: GoalStatus,
    created_on: NaiveDate,
    history: &[ProgressPoint],
    today: NaiveDate,
    stalled_days: u32,
) -> bool {
    is_open(status) && (today - last_moved(created_on, history)).num_days() >= i64::from(stalled_days)
}

/// Open, with a target date from today up to [`DUE_SOON_DAYS`] ahead (both ends included).
/// A goal without a target date is never due.
pub fn is_due_soon(status: GoalStatus, target_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    let Some(target_on) = target_on else {
        return false;
    };
    is_open(status) && (0..=DUE_SOON_DAYS).contains(&(target_on - today).num_days())
}

/// Open, and the target date has passed (the target day itself is not yet overdue).
pub fn is_overdue(status: GoalStatus, target_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    is_open(status) && target_on.is_some_and(|target_on| target_on < today)
}

/// The flags a goal shows on the team screen and the prep card. Overdue and due soon never
/// both hold; stalled can go with either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GoalFlags {
    pub overdue: bool,
    pub due_soon: bool,
    pub stalled: bool,
}

impl GoalFlags {
    pub fn compute(
        status: GoalStatus,
        created_on: NaiveDate,
        target_on: Option<NaiveDate>,
        history: &[ProgressPoint],
        today: NaiveDate,
        stalled_days: u32,
    ) -> Self {
        Self {
            overdue: is_overdue(status, target_on, today),
            due_soon: is_due_soon(status, target_on, today),
            stalled: is_stalled(status, created_on, history, today, stalled_days),
        }
    }

    /// Whether the goal needs the manager's attention at all.
    pub fn any(self) -> bool {
        self.overdue || self.due_soon || self.stalled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn point(on: NaiveDate, progress_pct: u8) -> ProgressPoint {
        ProgressPoint { on, progress_pct }
    }

    #[test]
    fn kinds_and_statuses_parse_keys_and_labels() {
        assert_eq!(GoalKind::parse("stretch-assignment"), Some(GoalKind::StretchAssignment));
        assert_eq!(GoalKind::parse("Evangelism / presentation"), Some(GoalKind::Evangelism));
        assert_eq!(GoalStatus::parse("In progress"), Some(GoalStatus::InProgress));
        assert_eq!(GoalStatus::parse("not-started"), Some(GoalStatus::NotStarted));
        assert_eq!(GoalStatus::parse("paused"), None);
        for kind in GoalKind::ALL {
            assert_eq!(GoalKind::from_key(kind.key()), Some(*kind));
        }
        for status in GoalStatus::ALL {
            assert_eq!(GoalStatus::from_key(status.key()), Some(*status));
        }
    }

    #[test]
    fn progress_must_be_between_0_and_100() {
        assert_eq!(validate_progress(0), Ok(0));
        assert_eq!(validate_progress(100), Ok(100));
        assert_eq!(validate_progress(140).unwrap_err().to_string(), "progress: 140 is outside 0-100");
        assert_eq!(validate_progress(-1), Err(GoalError::ProgressOutOfRange { value: -1 }));
        assert_eq!(validate_progress(256), Err(GoalError::ProgressOutOfRange { value: 256 }));
    }

    #[test]
    fn target_cannot_be_before_the_goal_was_created() {
        assert_eq!(validate_target(d(2026, 3, 1), d(2026, 3, 1)), Ok(d(2026, 3, 1)));
        let err = validate_target(d(2026, 3, 1), d(2026, 2, 28)).unwrap_err();
        assert_eq!(err.to_string(), "target date: 2026-02-28 is before the goal was created on 2026-03-01");
    }

    #[test]
    fn only_open_goals_are_open() {
        assert!(is_open(GoalStatus::NotStarted));
        assert!(is_open(GoalStatus::InProgress));
        assert!(!is_open(GoalStatus::Done));
        assert!(!is_open(GoalStatus::Dropped));
    }

    #[test]
    fn last_moved_is_the_last_change_of_progress() {
        let created = d(2026, 1, 5);
        assert_eq!(last_moved(created, &[]), created);
        // Recorded out of order; the re-save at 40 % on 1 March is not movement.
        let history = [point(d(2026, 3, 1), 40), point(d(2026, 1, 20), 10), point(d(2026, 2, 10), 40)];
        assert_eq!(last_moved(created, &history), d(2026, 2, 10));
        // A first point at 0 % is not movement either.
        assert_eq!(last_moved(created, &[point(d(2026, 1, 20), 0)]), created);
        // Going back down is movement (the goal was re-scoped).
        assert_eq!(
            last_moved(created, &[point(d(2026, 1, 20), 50), point(d(2026, 2, 1), 30)]),
            d(2026, 2, 1)
        );
        // Imported points from before creation never move it earlier.
        assert_eq!(last_moved(created, &[point(d(2025, 12, 1), 20)]), created);
    }

    #[test]
    fn a_goal_is_stalled_after_exactly_30_days_without_progress() {
        let created = d(2026, 1, 1);
        let history = [point(d(2026, 2, 1), 25)];
        let stalled =
            |today| is_stalled(GoalStatus::InProgress, created, &history, today, DEFAULT_STALLED_DAYS);
        assert!(!stalled(d(2026, 3, 2)), "29 days");
        assert!(stalled(d(2026, 3, 3)), "30 days");
        // A goal never started counts from creation.
        assert!(is_stalled(GoalStatus::NotStarted, created, &[], d(2026, 1, 31), 30));
        assert!(!is_stalled(GoalStatus::NotStarted, created, &[], d(2026, 1, 30), 30));
        // Closed goals are never stalled.
        assert!(!is_stalled(GoalStatus::Done, created, &history, d(2027, 1, 1), 30));
        assert!(!is_stalled(GoalStatus::Dropped, created, &history, d(2027, 1, 1), 30));
    }

    #[test]
    fn due_soon_covers_today_to_exactly_30_days_ahead() {
        let target = Some(d(2026, 6, 30));
        assert!(!is_due_soon(GoalStatus::InProgress, target, d(2026, 5, 30)), "31 days ahead");
        assert!(is_due_soon(GoalStatus::InProgress, target, d(2026, 5, 31)), "30 days ahead");
        assert!(is_due_soon(GoalStatus::NotStarted, target, d(2026, 6, 30)), "due today");
        assert!(!is_due_soon(GoalStatus::InProgress, target, d(2026, 7, 1)), "past: overdue instead");
        assert!(!is_due_soon(GoalStatus::Done, target, d(2026, 6, 15)));
        assert!(!is_due_soon(GoalStatus::InProgress, None, d(2026, 6, 15)));
    }

    #[test]
    fn overdue_starts_the_day_after_the_target() {
        let target = Some(d(2026, 6, 30));
        assert!(!is_overdue(GoalStatus::InProgress, target, d(2026, 6, 30)));
        assert!(is_overdue(GoalStatus::InProgress, target, d(2026, 7, 1)));
        assert!(!is_overdue(GoalStatus::Dropped, target, d(2026, 7, 1)));
        assert!(!is_overdue(GoalStatus::InProgress, None, d(2030, 1, 1)));
    }

    #[test]
    fn flags_combine_the_rules() {
        let created = d(2026, 1, 1);
        let history = [point(d(2026, 1, 10), 20)];
        let flags = GoalFlags::compute(
            GoalStatus::InProgress,
            created,
            Some(d(2026, 3, 1)),
            &history,
            d(2026, 3, 2),
            30,
        );
        assert_eq!(flags, GoalFlags { overdue: true, due_soon: false, stalled: true });
        assert!(flags.any());

        let fresh = [point(d(2026, 2, 20), 60)];
        let flags = GoalFlags::compute(
            GoalStatus::InProgress,
            created,
            Some(d(2026, 3, 1)),
            &fresh,
            d(2026, 2, 25),
            30,
        );
        assert_eq!(flags, GoalFlags { overdue: false, due_soon: true, stalled: false });

        let done =
            GoalFlags::compute(GoalStatus::Done, created, Some(d(2026, 3, 1)), &history, d(2026, 6, 1), 30);
        assert_eq!(done, GoalFlags::default());
        assert!(!done.any());
    }

    #[test]
    fn progress_dates_must_be_between_creation_and_today() {
        let created = d(2026, 3, 1);
        let today = d(2026, 4, 1);
        assert_eq!(validate_progress_date(created, created, today), Ok(()));
        assert_eq!(validate_progress_date(created, today, today), Ok(()));
        assert_eq!(
            validate_progress_date(created, d(2026, 4, 2), today).unwrap_err().to_string(),
            "progress date: 2026-04-02 is in the future (today is 2026-04-01)"
        );
        assert_eq!(
            validate_progress_date(created, d(2026, 2, 28), today),
            Err(GoalError::ProgressBeforeCreation { created_on: created, on: d(2026, 2, 28) })
        );
    }

    #[test]
    fn status_follows_progress() {
        use GoalStatus::{Done, Dropped, InProgress, NotStarted};
        assert_eq!(status_for_progress(NotStarted, 0, true), NotStarted);
        assert_eq!(status_for_progress(NotStarted, 10, true), InProgress);
        assert_eq!(status_for_progress(InProgress, 100, true), Done);
        assert_eq!(status_for_progress(NotStarted, 100, false), Done);
        // Recording 80 % on a done goal reopens it; an edit that says "done at 80 %" is kept.
        assert_eq!(status_for_progress(Done, 80, true), InProgress);
        assert_eq!(status_for_progress(Done, 80, false), Done);
        assert_eq!(status_for_progress(Dropped, 100, true), Dropped);
    }

    #[test]
    fn goal_fields_are_validated_and_trimmed() {
        let created = d(2026, 3, 1);
        let fields = GoalFields {
            description: "  Pass AZ-305 ".into(),
            target_on: Some(d(2026, 6, 30)),
            progress_pct: 20,
            ..GoalFields::default()
        };
        let clean = fields.validated(created).unwrap();
        assert_eq!(clean.description, "Pass AZ-305");
        assert_eq!(clean.status, GoalStatus::InProgress, "progress means it started");

        let empty = GoalFields { description: " ".into(), ..GoalFields::default() };
        assert_eq!(empty.validated(created).unwrap_err().to_string(), "description: must not be empty");
        let early = GoalFields { target_on: Some(d(2026, 2, 1)), ..fields.clone() };
        assert_eq!(
            early.validated(created).unwrap_err().to_string(),
            "target date: 2026-02-01 is before the goal was created on 2026-03-01"
        );
        let over = GoalFields { progress_pct: 101, ..fields };
        assert_eq!(over.validated(created).unwrap_err().to_string(), "progress: 101 is outside 0-100");
    }
}
