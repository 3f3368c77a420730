//! A requisition: an opening on the team, what it is for, and where it stands (open, on hold,
//! filled by a hire, cancelled with a reason).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::ids::{ArchitectId, HiringProfileId, ListItemId, RequisitionId};
use super::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS, ValidationError};

/// Longest opening id ("REQ-2026-0142"): HR systems use short codes.
pub const OPENING_ID_MAX_CHARS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequisitionStatus {
    #[default]
    Open,
    OnHold,
    /// By a hire (the only way to fill one).
    Filled,
    Cancelled,
}

impl Choice for RequisitionStatus {
    const ALL: &'static [Self] = &[Self::Open, Self::OnHold, Self::Filled, Self::Cancelled];
    fn key(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::OnHold => "on_hold",
            Self::Filled => "filled",
            Self::Cancelled => "cancelled",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::OnHold => "On hold",
            Self::Filled => "Filled",
            Self::Cancelled => "Cancelled",
        }
    }
}

impl RequisitionStatus {
    /// Filled and cancelled requisitions are closed: their candidates' purge dates count from
    /// the day they closed.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Filled | Self::Cancelled)
    }
}

/// What a person edits about a requisition.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RequisitionFields {
    /// "Cloud Solution Architect, Data & AI".
    pub role: String,
    /// The HR system's id; may be empty until HR assigns one.
    pub opening_id: String,
    pub level: Option<ListItemId>,
    pub solution_area: Option<ListItemId>,
    pub opened_on: NaiveDate,
    pub target_start_on: Option<NaiveDate>,
    /// The architect who left and whose place this fills.
    pub backfill_for: Option<ArchitectId>,
    /// The hiring profile whose competencies the interview plan assesses; none: the whole
    /// skills matrix.
    #[serde(default)]
    pub profile: Option<HiringProfileId>,
}

impl RequisitionFields {
    /// Checks every field and returns what would be stored.
    pub fn validated(&self, today: NaiveDate) -> Result<Self, ValidationError> {
        let role = text::required("role", &self.role, NAME_MAX_CHARS)?;
        let opening_id = text::capped("opening id", self.opening_id.trim(), OPENING_ID_MAX_CHARS)?;
        if self.opened_on > today {
            return Err(ValidationError::new(
                "opened",
                format!("{} is in the future; record a requisition once it is open", self.opened_on),
            ));
        }
        if let Some(start) = self.target_start_on
            && start < self.opened_on
        {
            return Err(ValidationError::new(
                "target start",
                format!("{start} is before the opening date {}", self.opened_on),
            ));
        }
        Ok(Self { role, opening_id, ..self.clone() })
    }
}

/// A stored requisition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requisition {
    pub id: RequisitionId,
    #[serde(flatten)]
    pub fields: RequisitionFields,
    pub status: RequisitionStatus,
    /// When it was filled or cancelled.
    pub closed_on: Option<NaiveDate>,
    /// Why it is on hold or cancelled.
    pub status_reason: String,
}

impl Requisition {
    /// "REQ-2026-0142 Cloud Solution Architect, Data & AI", or the role alone.
    pub fn title(&self) -> String {
        if self.fields.opening_id.is_empty() {
            self.fields.role.clone()
        } else {
            format!("{} {}", self.fields.opening_id, self.fields.role)
        }
    }
}

/// A change of status as typed: checked against the requisition as it is.
pub fn check_status_change(
    requisition: &Requisition,
    status: RequisitionStatus,
    on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<String, ValidationError> {
    let reason = text::capped("reason", reason.trim(), LINE_MAX_CHARS)?;
    let title = requisition.title();
    if requisition.status == RequisitionStatus::Filled {
        return Err(ValidationError::new(
            "status",
            format!("{title} is filled; a filled requisition stays filled (open a new one for another hire)"),
        ));
    }
    match status {
        RequisitionStatus::Filled => Err(ValidationError::new(
            "status",
            "a requisition is filled by hiring a candidate at the offer stage (Hire…)",
        )),
        RequisitionStatus::Cancelled if reason.is_empty() => {
            Err(ValidationError::new("reason", "say why the requisition is cancelled"))
        }
        RequisitionStatus::Cancelled if on < requisition.fields.opened_on => Err(ValidationError::new(
            "date",
            format!("{on} is before the opening date {}", requisition.fields.opened_on),
        )),
        RequisitionStatus::Cancelled if on > today => {
            Err(ValidationError::new("date", format!("{on} is in the future")))
        }
        _ => Ok(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn fields() -> RequisitionFields {
        RequisitionFields {
            role: " Cloud Solution Architect ".into(),
            opening_id: "REQ-1".into(),
            opened_on: day(2026, 10, 5),
            ..RequisitionFields::default()
        }
    }

    #[test]
    fn a_target_start_before_the_opening_is_refused_naming_both_dates() {
        let today = day(2026, 11, 28);
        let early = RequisitionFields { target_start_on: Some(day(2026, 9, 1)), ..fields() };
        let error = early.validated(today).unwrap_err();
        assert_eq!(error.to_string(), "target start: 2026-09-01 is before the opening date 2026-10-05");
        let same_day = RequisitionFields { target_start_on: Some(day(2026, 10, 5)), ..fields() };
        assert_eq!(same_day.validated(today).unwrap().role, "Cloud Solution Architect");
    }

    #[test]
    fn cancelling_needs_a_reason_and_filling_needs_a_hire() {
        let today = day(2026, 11, 28);
        let requisition = Requisition {
            id: RequisitionId(1),
            fields: fields(),
            status: RequisitionStatus::Open,
            closed_on: None,
            status_reason: String::new(),
        };
        let no_reason = check_status_change(&requisition, RequisitionStatus::Cancelled, today, " ", today);
        assert_eq!(no_reason.unwrap_err().field, "reason");
        let filled = check_status_change(&requisition, RequisitionStatus::Filled, today, "", today);
        assert!(filled.unwrap_err().message.contains("Hire"));
        let filled_already = Requisition { status: RequisitionStatus::Filled, ..requisition.clone() };
        let reopen = check_status_change(&filled_already, RequisitionStatus::Open, today, "", today);
        assert!(reopen.unwrap_err().message.contains("stays filled"));
        assert_eq!(
            check_status_change(&requisition, RequisitionStatus::OnHold, today, "budget freeze", today)
                .unwrap(),
            "budget freeze"
        );
    }
}
