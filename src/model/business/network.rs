//! The business network: contacts with an ideal and a maximum number of days between
//! interactions, the interactions themselves, and whether a contact is due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::architect::Choice;
use crate::model::ids::{ContactId, InteractionId};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS, ValidationError};

/// The longest interval a contact can have: ten years.
pub const MAX_INTERVAL_DAYS: u32 = 3_650;
/// Longest note on an interaction.
pub const NOTE_MAX_CHARS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    #[default]
    Customer,
    Partner,
    Internal,
}

impl Choice for ContactKind {
    const ALL: &'static [Self] = &[Self::Customer, Self::Partner, Self::Internal];
    fn key(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Partner => "partner",
            Self::Internal => "internal",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Customer => "Customer",
            Self::Partner => "Partner",
            Self::Internal => "Internal",
        }
    }
}

/// What the manager records about a contact. Only what keeping in touch needs: no private
/// details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactFields {
    pub name: String,
    pub organisation: String,
    pub kind: ContactKind,
    pub role: String,
    /// Their work address: a calendar meeting with it counts as an interaction.
    pub email: String,
    /// Ideally in touch at least this often, in days.
    pub ideal_days: u32,
    /// Never longer than this without contact, in days.
    pub max_days: u32,
}

impl Default for ContactFields {
    fn default() -> Self {
        Self {
            name: String::new(),
            organisation: String::new(),
            kind: ContactKind::Customer,
            role: String::new(),
            email: String::new(),
            ideal_days: 30,
            max_days: 60,
        }
    }
}

impl ContactFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let name = text::required("name", &self.name, NAME_MAX_CHARS)?;
        let organisation = text::capped("organisation", self.organisation.trim(), NAME_MAX_CHARS)?;
        let role = text::capped("role", self.role.trim(), LINE_MAX_CHARS)?;
        let email = text::email("e-mail", &self.email)?;
        for (field, days) in [("ideal interval", self.ideal_days), ("maximum interval", self.max_days)] {
            if days == 0 || days > MAX_INTERVAL_DAYS {
                return Err(ValidationError::new(
                    field,
                    format!("{days} days is outside 1 to {MAX_INTERVAL_DAYS} days"),
                ));
            }
        }
        if self.ideal_days > self.max_days {
            return Err(ValidationError::new(
                "ideal interval",
                format!("{} days is longer than the maximum of {} days", self.ideal_days, self.max_days),
            ));
        }
        Ok(Self { name, organisation, role, email, ..self.clone() })
    }
}

/// Reads an interval typed as a number of days (`30`, `30 days`, `30d`).
pub fn parse_days(field: &'static str, typed: &str) -> Result<u32, ValidationError> {
    let value = typed.trim();
    let number = value.trim_end_matches("days").trim_end_matches("day").trim_end_matches('d').trim();
    number
        .parse::<u32>()
        .map_err(|_| ValidationError::new(field, format!("{value:?} is not a number of days")))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    #[serde(flatten)]
    pub fields: ContactFields,
    /// The day the contact was added: the interval counts from it until the first interaction.
    pub created_on: NaiveDate,
}

/// Where an interaction came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionSource {
    #[default]
    Manual,
    /// A meeting in an imported calendar that the contact attended.
    Calendar,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub contact: ContactId,
    pub on: NaiveDate,
    pub note: String,
    pub source: InteractionSource,
    /// For a calendar meeting: its event's UID and recurrence id, so importing it again
    /// updates this interaction instead of adding another.
    pub event_key: Option<(String, Option<String>)>,
}

/// Checks an interaction as typed: not in the future, a note of sensible length.
pub fn checked_interaction(on: NaiveDate, note: &str, today: NaiveDate) -> Result<String, ValidationError> {
    if on > today {
        return Err(ValidationError::new("date", format!("{on} is in the future")));
    }
    text::capped("note", note.trim(), NOTE_MAX_CHARS)
}

/// A meeting in an imported calendar: who attended (their addresses), when, its title and key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub event_uid: String,
    pub recurrence_id: Option<String>,
    pub on: NaiveDate,
    pub title: String,
    /// Lower-cased addresses of the organizer and of attendees who did not decline.
    pub emails: Vec<String>,
}

/// Whether it is time to get in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Touch {
    /// Within the ideal interval.
    Fine,
    /// Past the ideal interval, within the maximum.
    Due,
    /// Past the maximum interval.
    PastMax,
}

/// A contact's standing on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TouchStatus {
    pub touch: Touch,
    /// Days since the last interaction (or since the contact was added, if never).
    pub days_since: i64,
    /// The day the ideal interval ends.
    pub due_on: NaiveDate,
}

/// How a contact stands on `as_of`, counting from the last interaction on or before it (or the
/// day they were added). Past the maximum means strictly more days than the maximum.
pub fn touch_status(
    created_on: NaiveDate,
    last: Option<NaiveDate>,
    ideal_days: u32,
    max_days: u32,
    as_of: NaiveDate,
) -> TouchStatus {
    let since = last.unwrap_or(created_on);
    let days_since = (as_of - since).num_days();
    let touch = if days_since > i64::from(max_days) {
        Touch::PastMax
    } else if days_since >= i64::from(ideal_days) {
        Touch::Due
    } else {
        Touch::Fine
    };
    let due_on = since.checked_add_days(chrono::Days::new(u64::from(ideal_days))).unwrap_or(since);
    TouchStatus { touch, days_since, due_on }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_ideal_interval_cannot_exceed_the_maximum() {
        let fields = ContactFields {
            name: "Zoë Müller".into(),
            ideal_days: 60,
            max_days: 30,
            ..ContactFields::default()
        };
        assert_eq!(
            fields.validated().map_err(|e| e.to_string()),
            Err("ideal interval: 60 days is longer than the maximum of 30 days".to_owned())
        );
        let zero = ContactFields { name: "Zoë".into(), ideal_days: 0, ..ContactFields::default() };
        assert_eq!(
            zero.validated().map_err(|e| e.to_string()),
            Err("ideal interval: 0 days is outside 1 to 3650 days".to_owned())
        );
        let bad_mail =
            ContactFields { name: "Zoë".into(), email: "zoe@".into(), ..ContactFields::default() };
        assert_eq!(bad_mail.validated().unwrap_err().field, "e-mail");
    }

    #[test]
    fn a_contact_is_due_at_the_ideal_and_past_max_after_the_maximum() {
        let status = |last, as_of| touch_status(day(1, 1), last, 30, 60, as_of).touch;
        assert_eq!(status(Some(day(10, 1)), day(10, 30)), Touch::Fine, "29 days");
        assert_eq!(status(Some(day(10, 1)), day(10, 31)), Touch::Due, "30 days: the ideal interval is up");
        assert_eq!(status(Some(day(10, 1)), day(11, 30)), Touch::Due, "60 days: at the maximum");
        assert_eq!(status(Some(day(10, 1)), day(12, 1)), Touch::PastMax, "61 days");
        // Never in touch: counted from the day they were added.
        assert_eq!(touch_status(day(11, 20), None, 30, 60, day(11, 28)).touch, Touch::Fine);
        assert_eq!(touch_status(day(11, 20), None, 30, 60, day(11, 28)).due_on, day(12, 20));
    }

    #[test]
    fn intervals_read_with_or_without_a_unit() {
        assert_eq!(parse_days("ideal interval", " 30 "), Ok(30));
        assert_eq!(parse_days("ideal interval", "45 days"), Ok(45));
        assert_eq!(parse_days("ideal interval", "14d"), Ok(14));
        assert_eq!(
            parse_days("maximum interval", "-3").map_err(|e| e.to_string()),
            Err("maximum interval: \"-3\" is not a number of days".to_owned())
        );
    }
}
