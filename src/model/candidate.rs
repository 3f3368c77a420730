//! A candidate on a requisition: how they came, the stages they reached and when, the
//! manager's private notes, and when their record is due for deletion. Candidates are people
//! outside the company: only what the process needs is kept, and deletion is real.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::ids::{ArchitectId, CandidateId, RequisitionId};
use super::text::{self, NAME_MAX_CHARS, ValidationError};

/// Longest private notes on a candidate.
pub const CANDIDATE_NOTES_MAX_CHARS: usize = 10_000;
/// Months after the requisition closes until a candidate is due for deletion, unless the
/// manager sets another number.
pub const DEFAULT_PURGE_MONTHS: u32 = 12;
/// The longest wait the setting accepts: personal data is not kept "just in case".
pub const PURGE_MONTHS_MAX: u32 = 60;

/// How the candidate came to the requisition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Referral,
    #[default]
    Recruiter,
    Inbound,
    InternalMove,
}

impl Choice for Source {
    const ALL: &'static [Self] = &[Self::Referral, Self::Recruiter, Self::Inbound, Self::InternalMove];
    fn key(self) -> &'static str {
        match self {
            Self::Referral => "referral",
            Self::Recruiter => "recruiter",
            Self::Inbound => "inbound",
            Self::InternalMove => "internal_move",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Referral => "Referral",
            Self::Recruiter => "Recruiter",
            Self::Inbound => "Inbound",
            Self::InternalMove => "Internal move",
        }
    }
}

/// Where a candidate is. The first six follow each other; declined (an offer turned down),
/// rejected (by the panel) and withdrawn (by the candidate) end the process like hired does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Sourced,
    Screen,
    InterviewLoop,
    Debrief,
    Offer,
    Hired,
    Declined,
    Rejected,
    Withdrawn,
}

impl Choice for Stage {
    const ALL: &'static [Self] = &[
        Self::Sourced,
        Self::Screen,
        Self::InterviewLoop,
        Self::Debrief,
        Self::Offer,
        Self::Hired,
        Self::Declined,
        Self::Rejected,
        Self::Withdrawn,
    ];
    fn key(self) -> &'static str {
        match self {
            Self::Sourced => "sourced",
            Self::Screen => "screen",
            Self::InterviewLoop => "interview_loop",
            Self::Debrief => "debrief",
            Self::Offer => "offer",
            Self::Hired => "hired",
            Self::Declined => "declined",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Sourced => "Sourced",
            Self::Screen => "Screen",
            Self::InterviewLoop => "Interview loop",
            Self::Debrief => "Debrief",
            Self::Offer => "Offer",
            Self::Hired => "Hired",
            Self::Declined => "Declined",
            Self::Rejected => "Rejected",
            Self::Withdrawn => "Withdrawn",
        }
    }
}

impl Stage {
    /// The stages of the pipeline, in order: a candidate here is still in the process.
    pub const PIPELINE: [Self; 5] =
        [Self::Sourced, Self::Screen, Self::InterviewLoop, Self::Debrief, Self::Offer];
    /// How a process ends.
    pub const OUTCOMES: [Self; 4] = [Self::Hired, Self::Declined, Self::Rejected, Self::Withdrawn];

    pub fn is_open(self) -> bool {
        Self::PIPELINE.contains(&self)
    }

    /// Lower-case for sentences: "interview loop".
    pub fn words(self) -> String {
        self.label().to_lowercase()
    }
}

/// The day a candidate reached a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageReached {
    pub stage: Stage,
    pub on: NaiveDate,
}

/// What a person edits about a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CandidateFields {
    pub name: String,
    pub source: Source,
    /// The manager's private notes.
    pub notes: String,
    /// An earlier purge date than the rule's (the candidate asked, or the manager chose).
    pub purge_on: Option<NaiveDate>,
}

impl CandidateFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let name = text::required("name", &self.name, NAME_MAX_CHARS)?;
        let notes = text::capped("notes", self.notes.trim_end(), CANDIDATE_NOTES_MAX_CHARS)?;
        Ok(Self { name, notes, ..self.clone() })
    }
}

/// A stored candidate with the stages reached, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: CandidateId,
    pub requisition: RequisitionId,
    #[serde(flatten)]
    pub fields: CandidateFields,
    pub stages: Vec<StageReached>,
    /// The architect a hire became.
    pub architect: Option<ArchitectId>,
}

impl Candidate {
    /// The latest stage reached.
    pub fn stage(&self) -> Stage {
        self.stages.last().map_or(Stage::Sourced, |s| s.stage)
    }

    /// The day the latest stage was reached.
    pub fn stage_on(&self) -> Option<NaiveDate> {
        self.stages.last().map(|s| s.on)
    }

    pub fn reached(&self, stage: Stage) -> Option<NaiveDate> {
        self.stages.iter().find(|s| s.stage == stage).map(|s| s.on)
    }
}

/// Why a stage cannot be recorded. Each names what is wrong in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StageError {
    #[error("date: {stage} on {on} is before {previous} on {previous_on}")]
    BeforePrevious { stage: String, on: NaiveDate, previous: String, previous_on: NaiveDate },
    #[error("date: {on} is in the future (today is {today})")]
    InFuture { on: NaiveDate, today: NaiveDate },
    #[error("stage: an offer needs a debrief first; record the debrief, then the offer")]
    OfferWithoutDebrief,
    #[error("stage: only an offer can be declined; this candidate never had one")]
    DeclineWithoutOffer,
    #[error("stage: a hire needs an accepted offer; record the offer first")]
    HireWithoutOffer,
    #[error("stage: {name} has already {how}; the process is over")]
    Closed { name: String, how: String },
    #[error(
        "stage: {name} is already at {stage}; a stage cannot be recorded twice or go back (Undo reverses a move)"
    )]
    NotForward { name: String, stage: String },
    #[error("stage: a hire is recorded with Hire…, which also adds them to the team")]
    HireThroughAction,
    #[error("stage: a candidate starts at a pipeline stage (sourced to offer), not at {stage}")]
    StartClosed { stage: String },
}

/// What the stage became, in words: "been hired", "declined the offer".
fn outcome_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Hired => "been hired",
        Stage::Declined => "declined the offer",
        Stage::Rejected => "been rejected",
        Stage::Withdrawn => "withdrawn",
        _ => "moved on",
    }
}

/// Checks a move of `name` (whose stages so far are `stages`, oldest first) to `to` on `on`.
/// Stages move forward and may skip one (a referral straight to the interview loop), except
/// that an offer needs a debrief, a hire an offer, and only an offer can be declined.
pub fn check_move(
    name: &str,
    stages: &[StageReached],
    to: Stage,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), StageError> {
    if on > today {
        return Err(StageError::InFuture { on, today });
    }
    let Some(last) = stages.last() else {
        return if to.is_open() { Ok(()) } else { Err(StageError::StartClosed { stage: to.words() }) };
    };
    if !last.stage.is_open() {
        return Err(StageError::Closed { name: name.to_owned(), how: outcome_words(last.stage).to_owned() });
    }
    if to.is_open() && to <= last.stage {
        return Err(StageError::NotForward { name: name.to_owned(), stage: last.stage.words() });
    }
    let reached = |stage: Stage| stages.iter().any(|s| s.stage == stage);
    match to {
        Stage::Offer if !reached(Stage::Debrief) => return Err(StageError::OfferWithoutDebrief),
        Stage::Declined if last.stage != Stage::Offer => return Err(StageError::DeclineWithoutOffer),
        Stage::Hired if last.stage != Stage::Offer => return Err(StageError::HireWithoutOffer),
        _ => {}
    }
    if on < last.on {
        return Err(StageError::BeforePrevious {
            stage: to.words(),
            on,
            previous: last.stage.words(),
            previous_on: last.on,
        });
    }
    Ok(())
}

/// The day a candidate's record is due for deletion: the manager's own date if set, otherwise
/// `purge_months` after the requisition closed; `None` while it is open (the process may
/// still need them).
pub fn purge_on(
    own: Option<NaiveDate>,
    requisition_closed_on: Option<NaiveDate>,
    purge_months: u32,
) -> Option<NaiveDate> {
    let by_rule =
        requisition_closed_on.and_then(|closed| closed.checked_add_months(Months::new(purge_months)));
    match (own, by_rule) {
        (Some(own), Some(rule)) => Some(own.min(rule)),
        (own, rule) => own.or(rule),
    }
}

/// Whether "Delete candidate" is due: the purge date has come.
pub fn purge_due(purge_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    purge_on.is_some_and(|on| on <= today)
}

/// Checks the purge-months setting as typed.
pub fn validate_purge_months(value: i64) -> Result<u32, ValidationError> {
    u32::try_from(value).ok().filter(|m| (1..=PURGE_MONTHS_MAX).contains(m)).ok_or_else(|| {
        ValidationError::new("purge after", format!("{value} months is outside 1-{PURGE_MONTHS_MAX}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(stage: Stage, on: NaiveDate) -> StageReached {
        StageReached { stage, on }
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 28);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn a_stage_dated_before_the_previous_one_is_refused_with_both_dates() {
        let stages = [at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Screen, day(2026, 10, 12))];
        let error = check_move("Ana", &stages, Stage::InterviewLoop, day(2026, 10, 9), today()).unwrap_err();
        assert_eq!(error.to_string(), "date: interview loop on 2026-10-09 is before screen on 2026-10-12");
        assert!(check_move("Ana", &stages, Stage::InterviewLoop, day(2026, 10, 12), today()).is_ok());
    }

    #[test]
    fn an_offer_needs_a_debrief_and_a_decline_an_offer() {
        let loop_ = [at(Stage::Sourced, day(2026, 10, 1)), at(Stage::InterviewLoop, day(2026, 10, 20))];
        assert_eq!(
            check_move("Ana", &loop_, Stage::Offer, day(2026, 11, 1), today()),
            Err(StageError::OfferWithoutDebrief)
        );
        assert_eq!(
            check_move("Ana", &loop_, Stage::Declined, day(2026, 11, 1), today()),
            Err(StageError::DeclineWithoutOffer)
        );
        // Skipping the screen is fine (a referral straight into the loop), and rejecting works
        // from any open stage.
        assert!(check_move("Ana", &loop_, Stage::Debrief, day(2026, 11, 1), today()).is_ok());
        assert!(check_move("Ana", &loop_, Stage::Rejected, day(2026, 11, 1), today()).is_ok());
    }

    #[test]
    fn stages_only_move_forward_and_stop_at_an_outcome() {
        let screen = [at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Screen, day(2026, 10, 12))];
        assert!(matches!(
            check_move("Ana", &screen, Stage::Sourced, day(2026, 10, 20), today()),
            Err(StageError::NotForward { .. })
        ));
        assert!(matches!(
            check_move("Ana", &screen, Stage::Screen, day(2026, 10, 20), today()),
            Err(StageError::NotForward { .. })
        ));
        let withdrawn = [at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Withdrawn, day(2026, 10, 3))];
        let error = check_move("Ana", &withdrawn, Stage::Screen, day(2026, 10, 5), today()).unwrap_err();
        assert_eq!(error.to_string(), "stage: Ana has already withdrawn; the process is over");
        assert!(matches!(
            check_move("Ana", &screen, Stage::Screen, day(2026, 12, 1), today()),
            Err(StageError::InFuture { .. })
        ));
    }

    #[test]
    fn the_purge_date_is_twelve_months_after_closing_unless_set_earlier() {
        let closed = Some(day(2026, 2, 28));
        assert_eq!(purge_on(None, closed, 12), Some(day(2027, 2, 28)));
        assert_eq!(purge_on(None, None, 12), None, "open requisition: not yet");
        assert_eq!(purge_on(Some(day(2026, 6, 1)), closed, 12), Some(day(2026, 6, 1)));
        assert_eq!(purge_on(Some(day(2028, 1, 1)), closed, 12), Some(day(2027, 2, 28)), "never later");
        assert_eq!(purge_on(Some(day(2026, 6, 1)), None, 12), Some(day(2026, 6, 1)));
        assert!(purge_due(Some(day(2026, 11, 28)), today()));
        assert!(!purge_due(Some(day(2026, 11, 29)), today()));
        assert!(!purge_due(None, today()));
        assert!(validate_purge_months(0).is_err());
        assert_eq!(validate_purge_months(6), Ok(6));
    }
}
