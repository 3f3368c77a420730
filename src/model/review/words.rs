//! The manager's own words in a quarter's review: accomplishments tagged by impact ring and
//! accountability, setbacks and learnings, priorities for the next quarter, a self-rating per
//! competency of the role, and what became of last quarter's priorities. Their limits and the
//! rules that refuse a change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::architect::Choice;
use crate::model::fiscal::FiscalQuarter;
use crate::model::ids::{AccomplishmentId, GoalId, PriorityId, ReviewCompetencyId};
use crate::model::split::Category;
use crate::model::text::{self, NAME_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// Longest accomplishment bullet, priority and promise note.
pub const BULLET_MAX_CHARS: usize = 2_000;
/// Longest setbacks-and-learnings text.
pub const SETBACKS_MAX_CHARS: usize = 20_000;
/// Longest evidence for a rating.
pub const EVIDENCE_MAX_CHARS: usize = TEXT_MAX_CHARS;
pub const RATING_MIN: u8 = 1;
pub const RATING_MAX: u8 = 5;

/// How an accomplishment had impact, in Microsoft's three rings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ring {
    /// My own results.
    Own,
    /// Contributing to others' success.
    OthersSuccess,
    /// Building on others' work.
    BuildingOnOthers,
}

impl Choice for Ring {
    const ALL: &'static [Self] = &[Self::Own, Self::OthersSuccess, Self::BuildingOnOthers];

    fn key(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::OthersSuccess => "others_success",
            Self::BuildingOnOthers => "building_on_others",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Own => "My own results",
            Self::OthersSuccess => "Contributing to others' success",
            Self::BuildingOnOthers => "Building on others' work",
        }
    }
}

/// What became of a priority by the end of the next quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Done,
    Partly,
    Not,
}

impl Choice for Outcome {
    const ALL: &'static [Self] = &[Self::Done, Self::Partly, Self::Not];

    fn key(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Partly => "partly",
            Self::Not => "not",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Done => "Done",
            Self::Partly => "Partly",
            Self::Not => "Not done",
        }
    }
}

/// The three areas of the role whose competencies the manager rates.
pub const ROLES: [&str; 3] = ["Technical Sales Leader", "Business Manager", "Technology Thought Leader"];

/// The role's competencies as Settings starts them: (role, competency).
pub const DEFAULT_COMPETENCIES: [(&str, &str); 7] = [
    ("Technical Sales Leader", "Experienced"),
    ("Technical Sales Leader", "Bold"),
    ("Technical Sales Leader", "Influencer"),
    ("Technical Sales Leader", "Excellent communicator"),
    ("Business Manager", "Collaborative"),
    ("Business Manager", "Performer"),
    ("Technology Thought Leader", "Passion for technology"),
];

/// A competency the manager rates themselves on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCompetency {
    pub id: ReviewCompetencyId,
    pub role: String,
    pub name: String,
}

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ReviewState {
    /// Being written: the figures follow the records.
    #[default]
    Draft,
    /// Submitted: figures frozen as they were on `finalized_on`, text locked until reopened.
    Final { finalized_on: NaiveDate },
}

impl ReviewState {
    pub fn is_final(self) -> bool {
        matches!(self, Self::Final { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AccomplishmentFields {
    pub text: String,
    pub ring: Option<Ring>,
    pub accountability: Option<Category>,
}

impl AccomplishmentFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let text = text::required("accomplishment", &self.text, BULLET_MAX_CHARS)?;
        Ok(Self { text, ..self.clone() })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accomplishment {
    pub id: AccomplishmentId,
    #[serde(flatten)]
    pub fields: AccomplishmentFields,
    /// The suggested bullet it was accepted from, if any.
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub id: PriorityId,
    pub text: String,
    /// The development goal made from it.
    pub goal: Option<GoalId>,
    /// The day to be reminded of it.
    pub remind_on: Option<NaiveDate>,
}

/// A self-rating on one competency (the competency's name and role as they were when rated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub competency: Option<ReviewCompetencyId>,
    pub role: String,
    pub name: String,
    pub rating: Option<u8>,
    pub evidence: String,
}

/// What became of one of last quarter's priorities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseOutcome {
    pub priority: PriorityId,
    pub outcome: Option<Outcome>,
    pub note: String,
}

/// Everything the manager wrote for one quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewWords {
    #[serde(with = "super::labels")]
    pub quarter: FiscalQuarter,
    pub state: ReviewState,
    pub accomplishments: Vec<Accomplishment>,
    /// Keys of suggested bullets the manager dropped.
    pub dropped: Vec<String>,
    pub setbacks: String,
    pub priorities: Vec<Priority>,
    pub ratings: Vec<Rating>,
    pub outcomes: Vec<PromiseOutcome>,
}

impl ReviewWords {
    /// A quarter nobody has written anything for.
    pub fn blank(quarter: FiscalQuarter) -> Self {
        Self {
            quarter,
            state: ReviewState::Draft,
            accomplishments: Vec::new(),
            dropped: Vec::new(),
            setbacks: String::new(),
            priorities: Vec::new(),
            ratings: Vec::new(),
            outcomes: Vec::new(),
        }
    }

    pub fn rating_of(&self, competency: &ReviewCompetency) -> Option<&Rating> {
        self.ratings
            .iter()
            .find(|r| r.competency == Some(competency.id))
            .or_else(|| self.ratings.iter().find(|r| r.competency.is_none() && r.name == competency.name))
    }
}

/// A section the review needs before it is finalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Required {
    Accomplishments,
    Setbacks,
    Priorities,
    Ratings,
}

impl Required {
    pub fn label(self) -> &'static str {
        match self {
            Self::Accomplishments => "accomplishments and impact",
            Self::Setbacks => "setbacks and learnings",
            Self::Priorities => "priorities for next quarter",
            Self::Ratings => "a rating for every competency",
        }
    }
}

/// The required sections still empty: no accomplishment, no setbacks text, no priority, a
/// competency not rated.
pub fn missing(words: &ReviewWords, competencies: &[ReviewCompetency]) -> Vec<Required> {
    let mut missing = Vec::new();
    if words.accomplishments.is_empty() {
        missing.push(Required::Accomplishments);
    }
    if words.setbacks.trim().is_empty() {
        missing.push(Required::Setbacks);
    }
    if words.priorities.is_empty() {
        missing.push(Required::Priorities);
    }
    if competencies.iter().any(|c| words.rating_of(c).is_none_or(|r| r.rating.is_none())) {
        missing.push(Required::Ratings);
    }
    missing
}

/// "accomplishments and impact, setbacks and learnings and priorities for next quarter".
pub fn list_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a change to a review was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("rating: {value} is outside {RATING_MIN} to {RATING_MAX}")]
    RatingOutOfRange { value: i64 },
    #[error("{quarter} is finalized: reopen it to change its text")]
    Finalized { quarter: FiscalQuarter },
    #[error("{quarter} has not started yet (it starts on {starts_on}); there is nothing to review")]
    NotStarted { quarter: FiscalQuarter, starts_on: NaiveDate },
    #[error("{quarter} is already finalized")]
    AlreadyFinal { quarter: FiscalQuarter },
    #[error("{quarter} is not finalized: there is nothing to reopen")]
    NotFinal { quarter: FiscalQuarter },
    #[error("{quarter} still has empty sections: {}. Fill them in, or finalize anyway", list_words(missing))]
    Incomplete { quarter: FiscalQuarter, missing: Vec<&'static str> },
    #[error("{what} belongs to {belongs_to}, not to {quarter}")]
    OtherQuarter { what: String, belongs_to: FiscalQuarter, quarter: FiscalQuarter },
    #[error("the finalized figures of {quarter} cannot be read: {detail}")]
    Snapshot { quarter: FiscalQuarter, detail: String },
}

/// A rating as typed: 1 to 5.
pub fn validate_rating(value: i64) -> Result<u8, ReviewError> {
    u8::try_from(value)
        .ok()
        .filter(|v| (RATING_MIN..=RATING_MAX).contains(v))
        .ok_or(ReviewError::RatingOutOfRange { value })
}

pub fn validate_setbacks(value: &str) -> Result<String, ValidationError> {
    text::capped("setbacks and learnings", value, SETBACKS_MAX_CHARS)
}

pub fn validate_priority(value: &str) -> Result<String, ValidationError> {
    text::required("priority", value, BULLET_MAX_CHARS)
}

pub fn validate_evidence(value: &str) -> Result<String, ValidationError> {
    text::capped("evidence", value, EVIDENCE_MAX_CHARS)
}

pub fn validate_note(value: &str) -> Result<String, ValidationError> {
    text::capped("note", value.trim(), BULLET_MAX_CHARS)
}

pub fn validate_competency(role: &str, name: &str) -> Result<(String, String), ValidationError> {
    Ok((text::required("role", role, NAME_MAX_CHARS)?, text::required("competency", name, NAME_MAX_CHARS)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fq(label: &str) -> FiscalQuarter {
        label.parse().expect("quarter")
    }

    #[test]
    fn a_rating_is_one_to_five() {
        assert_eq!(validate_rating(1), Ok(1));
        assert_eq!(validate_rating(5), Ok(5));
        for bad in [0, 6, -1, 300] {
            assert_eq!(
                validate_rating(bad).unwrap_err().to_string(),
                format!("rating: {bad} is outside 1 to 5")
            );
        }
    }

    #[test]
    fn text_over_its_limit_names_the_field_and_the_limit() {
        let long = "x".repeat(SETBACKS_MAX_CHARS + 1);
        assert_eq!(
            validate_setbacks(&long).unwrap_err().to_string(),
            "setbacks and learnings: is 20001 characters long; the limit is 20000"
        );
        let bullet = AccomplishmentFields { text: "y".repeat(BULLET_MAX_CHARS + 1), ..Default::default() };
        assert_eq!(bullet.validated().unwrap_err().field, "accomplishment");
        assert_eq!(validate_priority("  ").unwrap_err().to_string(), "priority: must not be empty");
    }

    #[test]
    fn missing_sections_are_listed_in_the_order_of_the_review() {
        let competency =
            ReviewCompetency { id: ReviewCompetencyId(1), role: "R".into(), name: "Bold".into() };
        let mut words = ReviewWords::blank(fq("FY27 Q2"));
        assert_eq!(
            missing(&words, std::slice::from_ref(&competency)),
            [Required::Accomplishments, Required::Setbacks, Required::Priorities, Required::Ratings]
        );
        words.setbacks = "Hiring took longer".into();
        words.ratings.push(Rating {
            competency: Some(competency.id),
            role: "R".into(),
            name: "Bold".into(),
            rating: Some(4),
            evidence: String::new(),
        });
        assert_eq!(missing(&words, &[competency]), [Required::Accomplishments, Required::Priorities]);
        let error = ReviewError::Incomplete {
            quarter: fq("FY27 Q2"),
            missing: vec![Required::Accomplishments.label(), Required::Priorities.label()],
        };
        assert_eq!(
            error.to_string(),
            "FY27 Q2 still has empty sections: accomplishments and impact and priorities for next \
             quarter. Fill them in, or finalize anyway"
        );
    }

    #[test]
    fn a_rating_is_found_by_competency_or_by_the_name_it_had() {
        let bold = ReviewCompetency { id: ReviewCompetencyId(2), role: "R".into(), name: "Bold".into() };
        let mut words = ReviewWords::blank(fq("FY27 Q1"));
        words.ratings.push(Rating {
            competency: None,
            role: "R".into(),
            name: "Bold".into(),
            rating: Some(3),
            evidence: String::new(),
        });
        assert_eq!(words.rating_of(&bold).and_then(|r| r.rating), Some(3));
    }
}
