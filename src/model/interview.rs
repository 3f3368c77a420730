//! Structured interviews: the panel steps of a requisition's plan, the competencies each one
//! assesses, the interviews held and their scorecards (a rating with its evidence per
//! competency, and a recommendation), and the recruiter's aggregate slate and panel reports.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::candidate::Stage;
use super::ids::{CandidateId, CompetencyId, InterviewId, InterviewStepId, RequisitionId};
use super::text::{self, NAME_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 4;
/// A scorecard is on time when it is submitted within this many hours of the interview's start.
pub const SCORECARD_HOURS: i64 = 24;
/// Largest slate the recruiter reports.
pub const SLATE_SIZE_MAX: u32 = 1000;

/// What each rating means, so every interviewer rates alike. An even scale: no middle to hide in.
const RATING_LABELS: [&str; 4] = ["Strong concern", "Below the bar", "Meets the bar", "Above the bar"];

/// "Meets the bar" for 3; empty outside the scale.
pub fn rating_label(rating: u8) -> &'static str {
    usize::from(rating).checked_sub(1).and_then(|i| RATING_LABELS.get(i)).copied().unwrap_or("")
}

/// The interviewer's overall call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Choice for Recommendation {
    const ALL: &'static [Self] = &[Self::StrongNo, Self::No, Self::Yes, Self::StrongYes];
    fn key(self) -> &'static str {
        match self {
            Self::StrongNo => "strong_no",
            Self::No => "no",
            Self::Yes => "yes",
            Self::StrongYes => "strong_yes",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::StrongNo => "Strong no",
            Self::No => "No",
            Self::Yes => "Yes",
            Self::StrongYes => "Strong yes",
        }
    }
}

impl Recommendation {
    pub fn is_yes(self) -> bool {
        matches!(self, Self::Yes | Self::StrongYes)
    }
}

/// What the recruiter reports: meets the organisation's policy, does not, or nothing reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyAnswer {
    Yes,
    No,
    #[default]
    NotReported,
}

impl Choice for PolicyAnswer {
    const ALL: &'static [Self] = &[Self::Yes, Self::No, Self::NotReported];
    fn key(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::NotReported => "not_reported",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Yes => "Yes",
            Self::No => "No",
            Self::NotReported => "Not reported",
        }
    }
}

/// What a person edits about a step of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StepFields {
    /// "Technical deep dive".
    pub name: String,
    /// The colleague who runs it; empty when the manager does.
    pub interviewer: String,
    /// The manager runs it: its scorecards are the manager's to write.
    pub by_me: bool,
}

impl StepFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let name = text::required("step", &self.name, NAME_MAX_CHARS)?;
        let interviewer = if self.by_me {
            String::new()
        } else {
            text::required("interviewer", &self.interviewer, NAME_MAX_CHARS)?
        };
        Ok(Self { name, interviewer, by_me: self.by_me })
    }

    /// "me", or the interviewer's name.
    pub fn who(&self) -> &str {
        if self.by_me { "me" } else { &self.interviewer }
    }
}

/// A stored step with the competencies it assesses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewStep {
    pub id: InterviewStepId,
    pub requisition: RequisitionId,
    pub position: i64,
    #[serde(flatten)]
    pub fields: StepFields,
    pub competencies: Vec<CompetencyId>,
}

/// One competency's rating and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub competency: CompetencyId,
    pub rating: u8,
    pub evidence: String,
}

/// A scorecard as submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorecard {
    pub ratings: Vec<Rating>,
    pub recommendation: Recommendation,
    pub submitted_at: NaiveDateTime,
}

/// A candidate's interview in one step, with its scorecard once submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub id: InterviewId,
    pub candidate: CandidateId,
    pub step: InterviewStepId,
    pub held_at: NaiveDateTime,
    pub scorecard: Option<Scorecard>,
}

/// Checks a scorecard against the competencies its step assesses (`assessed`, by id and
/// name): each needs a rating on the scale and its evidence; none other is accepted. The
/// ratings come back in the step's order.
pub fn validate_scorecard(
    scorecard: &Scorecard,
    assessed: &[(CompetencyId, &str)],
    held_at: NaiveDateTime,
) -> Result<Scorecard, ValidationError> {
    if assessed.is_empty() {
        return Err(ValidationError::new(
            "scorecard",
            "this step assesses no competency yet; assign some in the interview plan first",
        ));
    }
    let mut ratings = Vec::with_capacity(assessed.len());
    for (competency, name) in assessed {
        let Some(rating) = scorecard.ratings.iter().find(|r| r.competency == *competency) else {
            return Err(ValidationError::new(
                "rating",
                format!("rate “{name}”: every competency of this step needs a rating and its evidence"),
            ));
        };
        if !(RATING_MIN..=RATING_MAX).contains(&rating.rating) {
            return Err(ValidationError::new(
                "rating",
                format!("{} for “{name}” is outside {RATING_MIN}-{RATING_MAX}", rating.rating),
            ));
        }
        let evidence = text::capped("evidence", rating.evidence.trim(), TEXT_MAX_CHARS)?;
        if evidence.is_empty() {
            return Err(ValidationError::new(
                "evidence",
                format!("the rating of “{name}” needs its evidence: what did the candidate say or do?"),
            ));
        }
        ratings.push(Rating { competency: *competency, rating: rating.rating, evidence });
    }
    if let Some(extra) =
        scorecard.ratings.iter().find(|r| !assessed.iter().any(|(id, _)| *id == r.competency))
    {
        return Err(ValidationError::new(
            "rating",
            format!("competency #{} is not assessed in this step", extra.competency),
        ));
    }
    if scorecard.submitted_at < held_at {
        return Err(ValidationError::new(
            "submitted",
            format!(
                "{} is before the interview at {}",
                datetime_text(scorecard.submitted_at),
                datetime_text(held_at)
            ),
        ));
    }
    Ok(Scorecard { ratings, ..scorecard.clone() })
}

/// Whether a scorecard was submitted within [`SCORECARD_HOURS`] of the interview's start.
pub fn on_time(held_at: NaiveDateTime, submitted_at: NaiveDateTime) -> bool {
    submitted_at - held_at <= chrono::Duration::hours(SCORECARD_HOURS)
}

/// "2026-11-24 14:00", as typed and shown.
pub fn datetime_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// Reads "2026-11-24 14:00" (or with a `T`), strictly: a day that does not exist or an hour
/// past 23 is refused.
pub fn parse_datetime(field: &'static str, value: &str) -> Result<NaiveDateTime, ValidationError> {
    let value = value.trim();
    let (date, time) = value.split_once([' ', 'T']).ok_or_else(|| {
        ValidationError::new(field, format!("{value:?} is not a date and time like 2026-11-24 14:00"))
    })?;
    let date = text::parse_date(field, date)?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| {
        ValidationError::new(field, format!("{:?} is not a time of day like 14:00", time.trim()))
    })?;
    Ok(date.and_time(time))
}

/// The recruiter's aggregate for one stage of a requisition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlateReport {
    pub stage: Stage,
    pub reported_on: NaiveDate,
    pub slate_size: u32,
    pub slate: PolicyAnswer,
    pub panel: PolicyAnswer,
}

impl SlateReport {
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        if !self.stage.is_open() {
            return Err(ValidationError::new(
                "stage",
                "a slate is reported for a stage from sourced to offer",
            ));
        }
        if self.reported_on > today {
            return Err(ValidationError::new("reported", format!("{} is in the future", self.reported_on)));
        }
        if self.slate_size > SLATE_SIZE_MAX {
            return Err(ValidationError::new(
                "slate size",
                format!("{} is more than {SLATE_SIZE_MAX}", self.slate_size),
            ));
        }
        Ok(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_datetime("when", text).unwrap()
    }

    fn card(ratings: Vec<Rating>, submitted: &str) -> Scorecard {
        Scorecard { ratings, recommendation: Recommendation::Yes, submitted_at: at(submitted) }
    }

    fn rating(id: i64, rating: u8, evidence: &str) -> Rating {
        Rating { competency: CompetencyId(id), rating, evidence: evidence.into() }
    }

    #[test]
    fn a_rating_without_evidence_is_refused_naming_the_competency() {
        let assessed = [(CompetencyId(1), "Architecture design"), (CompetencyId(2), "Business acumen")];
        let held = at("2026-11-24 14:00");
        let missing_evidence =
            card(vec![rating(1, 3, "Drew a clean hub-and-spoke"), rating(2, 2, "  ")], "2026-11-24 17:00");
        let error = validate_scorecard(&missing_evidence, &assessed, held).unwrap_err();
        assert_eq!(
            error.to_string(),
            "evidence: the rating of “Business acumen” needs its evidence: what did the candidate say or do?"
        );
        let unrated = card(vec![rating(1, 3, "Clear")], "2026-11-24 17:00");
        assert!(
            validate_scorecard(&unrated, &assessed, held).unwrap_err().message.contains("Business acumen")
        );
        let off_scale = card(vec![rating(1, 5, "x"), rating(2, 3, "y")], "2026-11-24 17:00");
        assert!(validate_scorecard(&off_scale, &assessed, held).unwrap_err().message.contains("outside 1-4"));
        let early = card(vec![rating(1, 3, "x"), rating(2, 3, "y")], "2026-11-24 13:00");
        assert_eq!(validate_scorecard(&early, &assessed, held).unwrap_err().field, "submitted");
        let good = card(vec![rating(2, 3, " y "), rating(1, 4, "x")], "2026-11-24 17:00");
        let clean = validate_scorecard(&good, &assessed, held).unwrap();
        assert_eq!(clean.ratings.iter().map(|r| r.competency.0).collect::<Vec<_>>(), [1, 2], "step order");
        assert_eq!(clean.ratings[1].evidence, "y");
    }

    #[test]
    fn on_time_means_within_24_hours_of_the_start() {
        let held = at("2026-11-24 14:00");
        assert!(on_time(held, at("2026-11-25 14:00")));
        assert!(!on_time(held, at("2026-11-25 14:01")));
    }

    #[test]
    fn date_times_are_read_strictly() {
        assert_eq!(datetime_text(at("2026-11-24T09:05")), "2026-11-24 09:05");
        assert!(parse_datetime("held", "2026-02-30 09:00").is_err());
        assert!(parse_datetime("held", "2026-11-24 25:00").unwrap_err().message.contains("time of day"));
        assert!(parse_datetime("held", "2026-11-24").is_err());
    }

    #[test]
    fn a_step_run_by_someone_else_names_them() {
        let step = StepFields { name: "System design".into(), interviewer: " ".into(), by_me: false };
        assert_eq!(step.validated().unwrap_err().field, "interviewer");
        let mine = StepFields { by_me: true, ..step };
        assert_eq!(mine.validated().unwrap().who(), "me");
    }
}
