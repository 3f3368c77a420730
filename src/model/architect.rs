//! An architect on the team: profile, cadence, readiness and status.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ArchitectId, ListItemId};
use super::text::{self, NAME_MAX_CHARS, TEXT_MAX_CHARS, ValidationError};

/// How often the manager holds a one-on-one with this architect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    #[default]
    Weekly,
    Biweekly,
}

/// How close the architect is to the target role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Readiness {
    ReadyNow,
    OneToTwoYears,
    ThreePlusYears,
    #[default]
    NotAssessed,
}

/// Whether the architect is on the team. People who left are kept, never hard-deleted
/// while anything refers to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    OnLeave,
    Left,
}

/// The stored text key and the label shown to people, for a closed set of values.
pub trait Choice: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }

    /// Accepts the key or the label, case-insensitively (for the command line).
    fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        Self::ALL.iter().copied().find(|v| {
            v.key().eq_ignore_ascii_case(value)
                || v.label().eq_ignore_ascii_case(value)
                || v.key().replace('_', "-").eq_ignore_ascii_case(value)
        })
    }

    fn keys() -> String {
        Self::ALL.iter().map(|v| v.key()).collect::<Vec<_>>().join(", ")
    }
}

impl Choice for Cadence {
    const ALL: &'static [Self] = &[Self::Weekly, Self::Biweekly];
    fn key(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Biweekly => "biweekly",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Weekly => "Weekly",
            Self::Biweekly => "Every two weeks",
        }
    }
}

impl Choice for Readiness {
    const ALL: &'static [Self] =
        &[Self::ReadyNow, Self::OneToTwoYears, Self::ThreePlusYears, Self::NotAssessed];
    fn key(self) -> &'static str {
        match self {
            Self::ReadyNow => "ready_now",
            Self::OneToTwoYears => "one_to_two_years",
            Self::ThreePlusYears => "three_plus_years",
            Self::NotAssessed => "not_assessed",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::ReadyNow => "Ready now",
            Self::OneToTwoYears => "1-2 years",
            Self::ThreePlusYears => "3+ years",
            Self::NotAssessed => "Not assessed",
        }
    }
}

impl Choice for Status {
    const ALL: &'static [Self] = &[Self::Active, Self::OnLeave, Self::Left];
    fn key(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::OnLeave => "on_leave",
            Self::Left => "left",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::OnLeave => "On leave",
            Self::Left => "Left",
        }
    }
}

/// Everything about an architect that a person edits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArchitectFields {
    pub name: String,
    pub title: String,
    pub email: String,
    pub level: Option<ListItemId>,
    pub solution_area: Option<ListItemId>,
    pub started_on: Option<NaiveDate>,
    /// Accounts covered, one per line.
    pub accounts: String,
    pub cadence: Cadence,
    pub aspiration: String,
    pub target_level: Option<ListItemId>,
    pub readiness: Readiness,
    pub readiness_assessed_on: Option<NaiveDate>,
    pub readiness_evidence: String,
    pub status: Status,
}

impl ArchitectFields {
    /// Checks every field and returns the cleaned-up value that would be stored.
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        let name = text::required("name", &self.name, NAME_MAX_CHARS)?;
        let title = text::capped("title", self.title.trim(), NAME_MAX_CHARS)?;
        let email = text::email("e-mail", &self.email)?;
        let accounts = text::capped("accounts", self.accounts.trim(), TEXT_MAX_CHARS)?;
        let aspiration = text::capped("career aspiration", self.aspiration.trim(), TEXT_MAX_CHARS)?;
        let readiness_evidence =
            text::capped("readiness evidence", self.readiness_evidence.trim(), TEXT_MAX_CHARS)?;
        if let Some(assessed) = self.readiness_assessed_on
            && assessed > today
        {
            return Err(ValidationError::new("date assessed", format!("{assessed} is in the future")));
        }
        if let Some(started) = self.started_on
            && started > today + chrono::Days::new(366)
        {
            return Err(ValidationError::new("start date", format!("{started} is more than a year ahead")));
        }
        Ok(Self { name, title, email, accounts, aspiration, readiness_evidence, ..self.clone() })
    }

    /// Accounts as a list, one per non-empty line or comma.
    pub fn account_list(&self) -> Vec<&str> {
        self.accounts.split(['\n', ',']).map(str::trim).filter(|a| !a.is_empty()).collect()
    }
}

/// A stored architect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Architect {
    pub id: ArchitectId,
    #[serde(flatten)]
    pub fields: ArchitectFields,
}

impl Architect {
    pub fn name(&self) -> &str {
        &self.fields.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn validation_trims_and_names_the_field() {
        let fields = ArchitectFields {
            name: "  Ana Lopez ".into(),
            email: "Ana@Contoso.com".into(),
            ..ArchitectFields::default()
        };
        let clean = fields.validated(today()).unwrap();
        assert_eq!(clean.name, "Ana Lopez");
        assert_eq!(clean.email, "ana@contoso.com");

        let empty = ArchitectFields::default().validated(today()).unwrap_err();
        assert_eq!(empty.field, "name");
    }

    #[test]
    fn readiness_cannot_be_assessed_in_the_future() {
        let fields = ArchitectFields {
            name: "Ana".into(),
            readiness_assessed_on: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..ArchitectFields::default()
        };
        assert_eq!(fields.validated(today()).unwrap_err().field, "date assessed");
    }

    #[test]
    fn choices_parse_keys_and_labels() {
        assert_eq!(Cadence::parse("biweekly"), Some(Cadence::Biweekly));
        assert_eq!(Readiness::parse("1-2 years"), Some(Readiness::OneToTwoYears));
        assert_eq!(Status::parse("on-leave"), Some(Status::OnLeave));
        assert_eq!(Status::parse("gone"), None);
        for status in Status::ALL {
            assert_eq!(Status::from_key(status.key()), Some(*status));
        }
    }

    #[test]
    fn accounts_split_on_lines_and_commas() {
        let fields = ArchitectFields {
            accounts: "Contoso, Fabrikam\n\nNorthwind ".into(),
            ..ArchitectFields::default()
        };
        assert_eq!(fields.account_list(), ["Contoso", "Fabrikam", "Northwind"]);
    }
}
