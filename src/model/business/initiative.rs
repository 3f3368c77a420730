//! Market initiatives (the 30 % of market building): a thesis aimed at a segment or industry
//! with a technology or solution play, the accounts engaged, the architects involved, the
//! opportunities it influenced, and its events.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::records::unique;
use crate::model::architect::Choice;
use crate::model::ids::{AccountId, ArchitectId, EventId, InitiativeId, OpportunityId};
use crate::model::text::{self, LINE_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// The most people an event is recorded with: a keynote hall, not a typo.
pub const MAX_ATTENDANCE: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeStatus {
    #[default]
    Idea,
    Active,
    Paused,
    Won,
    Dropped,
}

impl InitiativeStatus {
    pub fn is_live(self) -> bool {
        matches!(self, Self::Idea | Self::Active | Self::Paused)
    }
}

impl Choice for InitiativeStatus {
    const ALL: &'static [Self] = &[Self::Idea, Self::Active, Self::Paused, Self::Won, Self::Dropped];
    fn key(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Won => "won",
            Self::Dropped => "dropped",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Idea => "Idea",
            Self::Active => "Active",
            Self::Paused => "Paused",
            Self::Won => "Won",
            Self::Dropped => "Dropped",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    #[default]
    Workshop,
    Briefing,
    Hackathon,
    ConferenceTalk,
}

impl Choice for EventKind {
    const ALL: &'static [Self] = &[Self::Workshop, Self::Briefing, Self::Hackathon, Self::ConferenceTalk];
    fn key(self) -> &'static str {
        match self {
            Self::Workshop => "workshop",
            Self::Briefing => "briefing",
            Self::Hackathon => "hackathon",
            Self::ConferenceTalk => "conference_talk",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Workshop => "Workshop",
            Self::Briefing => "Briefing",
            Self::Hackathon => "Hackathon",
            Self::ConferenceTalk => "Conference talk",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InitiativeFields {
    pub title: String,
    /// Why this market, in a few sentences.
    pub thesis: String,
    /// The segment or industry aimed at.
    pub target: String,
    /// The Microsoft technology or solution play.
    pub play: String,
    pub status: InitiativeStatus,
    pub next_step: String,
    pub next_step_on: Option<NaiveDate>,
    pub accounts: Vec<AccountId>,
    pub architects: Vec<ArchitectId>,
    /// Opportunities it influenced.
    pub opportunities: Vec<OpportunityId>,
}

impl InitiativeFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        Ok(Self {
            title: text::required("title", &self.title, LINE_MAX_CHARS)?,
            thesis: text::capped("thesis", self.thesis.trim(), TEXT_MAX_CHARS)?,
            target: text::capped("segment or industry", self.target.trim(), LINE_MAX_CHARS)?,
            play: text::capped("solution play", self.play.trim(), LINE_MAX_CHARS)?,
            next_step: text::capped("next step", self.next_step.trim(), LINE_MAX_CHARS)?,
            accounts: unique(&self.accounts),
            architects: unique(&self.architects),
            opportunities: unique(&self.opportunities),
            ..self.clone()
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: InitiativeId,
    #[serde(flatten)]
    pub fields: InitiativeFields,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFields {
    pub kind: EventKind,
    pub title: String,
    pub held_on: NaiveDate,
    /// How many came, once known.
    pub attendance: Option<u32>,
}

impl EventFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        if let Some(count) = self.attendance
            && count > MAX_ATTENDANCE
        {
            return Err(ValidationError::new("attendance", format!("{count} is more than {MAX_ATTENDANCE}")));
        }
        Ok(Self { title: text::required("title", &self.title, LINE_MAX_CHARS)?, ..self.clone() })
    }
}

/// Reads an attendance as typed: empty is "not known".
pub fn parse_attendance(typed: &str) -> Result<Option<u32>, ValidationError> {
    let value = typed.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<u32>()
        .map(Some)
        .map_err(|_| ValidationError::new("attendance", format!("{value:?} is not a number of people")))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeEvent {
    pub id: EventId,
    pub initiative: InitiativeId,
    #[serde(flatten)]
    pub fields: EventFields,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initiative_needs_a_title_and_an_event_a_sensible_attendance() {
        assert_eq!(InitiativeFields::default().validated().unwrap_err().field, "title");
        let event = EventFields {
            kind: EventKind::Hackathon,
            title: "AI hack day".into(),
            held_on: NaiveDate::from_ymd_opt(2026, 10, 3).unwrap(),
            attendance: Some(250_000),
        };
        assert_eq!(
            event.validated().map_err(|e| e.to_string()),
            Err("attendance: 250000 is more than 100000".to_owned())
        );
        assert_eq!(parse_attendance(" 40 "), Ok(Some(40)));
        assert_eq!(parse_attendance(""), Ok(None));
        assert_eq!(
            parse_attendance("forty").map_err(|e| e.to_string()),
            Err("attendance: \"forty\" is not a number of people".to_owned())
        );
    }
}
